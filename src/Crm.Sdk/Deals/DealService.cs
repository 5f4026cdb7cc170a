using Crm.Sdk.Pipelines;
using Crm.Sdk.ProviderKit;
using Crm.Sdk.Storage;

namespace Crm.Sdk.Deals;

/// <summary>The default <see cref="IDealService"/>.</summary>
internal sealed class DealService(CrmStore store, CrmContext context) : IDealService
{
    public async Task<Deal> CreateAsync(DealDraft draft, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var pipeline = await store.GetAsync(context.Pipelines, draft.PipelineId.Value, cancellationToken).ConfigureAwait(false);
        var uow = new CrmUnitOfWork(store, context);
        var deal = uow.CreateDeal(draft, pipeline);
        await uow.CommitAsync(cancellationToken).ConfigureAwait(false);
        return deal;
    }

    public Task<Deal> GetAsync(DealId id, CancellationToken cancellationToken = default) =>
        store.GetAsync(context.Deals, id.Value, cancellationToken);

    public async Task UpdateAsync(Deal deal, CancellationToken cancellationToken = default)
    {
        var uow = new CrmUnitOfWork(store, context);
        uow.Update(deal);
        await uow.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public Task<Deal> MoveToStageAsync(DealId id, StageId stageId, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, (deal, pipeline, now) => deal.MoveTo(pipeline, stageId, now), cancellationToken);

    public Task<Deal> WinAsync(DealId id, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, (deal, pipeline, now) => deal.Win(pipeline, now), cancellationToken);

    public Task<Deal> LoseAsync(DealId id, string? reason = null, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, (deal, pipeline, now) => deal.Lose(pipeline, reason, now), cancellationToken);

    public Task<Deal> ReopenAsync(DealId id, StageId? stageId = null, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, (deal, pipeline, now) => deal.Reopen(pipeline, stageId, now), cancellationToken);

    public Task<Page<Deal>> ListAsync(PipelineId pipelineId, StageId? stageId, PageRequest page, CancellationToken cancellationToken = default)
    {
        var query = new DocumentQuery(DealMapping.CollectionName)
        {
            Filter = IndexFilter.And(
                IndexFilter.Equal(DealMapping.PipelineIdIndex, pipelineId.Value),
                stageId is { } stage ? IndexFilter.Equal(DealMapping.StageIdIndex, stage.Value) : null),
            Descending = true,
        };
        return store.PageAsync(context.Deals, $"deals:{pipelineId}:{stageId}", query, page, cancellationToken);
    }

    public Task<Page<Deal>> ListByCustomerAsync(CustomerId customerId, PageRequest page, CancellationToken cancellationToken = default)
    {
        var query = new DocumentQuery(DealMapping.CollectionName)
        {
            Filter = IndexFilter.Equal(DealMapping.CustomerIdIndex, customerId.Value),
            Descending = true,
        };
        return store.PageAsync(context.Deals, $"deals:customer:{customerId}", query, page, cancellationToken);
    }

    private async Task<Deal> ChangeAsync(DealId id, Action<Deal, Pipeline, NodaTime.Instant> change, CancellationToken cancellationToken)
    {
        var deal = await GetAsync(id, cancellationToken).ConfigureAwait(false);
        var pipeline = await store.GetAsync(context.Pipelines, deal.PipelineId.Value, cancellationToken).ConfigureAwait(false);
        change(deal, pipeline, context.Now());
        await UpdateAsync(deal, cancellationToken).ConfigureAwait(false);
        return deal;
    }
}
