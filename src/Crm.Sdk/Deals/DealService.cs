using Crm.Sdk.Domain;
using Crm.Sdk.Pipelines;
using Crm.Sdk.ProviderKit;
using Crm.Sdk.Storage;

namespace Crm.Sdk.Deals;

/// <summary>The default <see cref="IDealService"/>.</summary>
internal sealed class DealService(CrmStore store, CrmContext context) : AggregateService<Deal>(store, context.Deals), IDealService
{
    public async Task<Deal> CreateAsync(DealDraft draft, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var uow = new CrmUnitOfWork(Store, context);
        var deal = await uow.CreateDealAsync(draft, cancellationToken).ConfigureAwait(false);
        await uow.CommitAsync(cancellationToken).ConfigureAwait(false);
        return deal;
    }

    public async Task UpdateAsync(Deal deal, CancellationToken cancellationToken = default)
    {
        var uow = new CrmUnitOfWork(Store, context);
        uow.Update(deal);
        await uow.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public Task<Deal> MoveToStageAsync(DealId id, StageId stageId, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, (deal, pipeline) => deal.MoveTo(pipeline, stageId), cancellationToken);

    public Task<Deal> WinAsync(DealId id, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, (deal, pipeline) => deal.Win(pipeline), cancellationToken);

    public Task<Deal> LoseAsync(DealId id, string? reason = null, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, (deal, pipeline) => deal.Lose(pipeline, reason), cancellationToken);

    public Task<Deal> ReopenAsync(DealId id, StageId? stageId = null, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, (deal, pipeline) => deal.Reopen(pipeline, stageId), cancellationToken);

    public Task<Deal> AssignOwnerAsync(DealId id, string? ownerId, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, (deal, _) => deal.AssignOwner(ownerId), cancellationToken);

    public Task<Page<Deal>> ListAsync(DealFilter filter, PageRequest page, CancellationToken cancellationToken = default)
    {
        var query = Query(filter);
        return Store.PageAsync(context.Deals, $"deals:{filter.PipelineId}:{filter.StageId}:{filter.CustomerId}:{filter.Status}:{filter.OwnerId}", query, page, cancellationToken);
    }

    public IAsyncEnumerable<Deal> StreamAsync(DealFilter filter, CancellationToken cancellationToken = default) =>
        Store.QueryAsync(context.Deals, Query(filter), cancellationToken);

    private static DocumentQuery Query(DealFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        InputRules.ThrowIfUndefined(filter.Status, nameof(DealFilter.Status));
        InputRules.ThrowIfInvalidLookup(filter.OwnerId, nameof(DealFilter.OwnerId), Deal.MaxOwnerIdLength);
        PipelineId.ThrowIfEmpty(filter.PipelineId, nameof(DealFilter.PipelineId));
        StageId.ThrowIfEmpty(filter.StageId, nameof(DealFilter.StageId));
        CustomerId.ThrowIfEmpty(filter.CustomerId, nameof(DealFilter.CustomerId));

        return new DocumentQuery(DealMapping.CollectionName)
        {
            Filter = IndexFilter.And(
                filter.PipelineId is { } pipeline ? IndexFilter.Equal(DealMapping.PipelineIdIndex, pipeline.Value) : null,
                filter.StageId is { } stage ? IndexFilter.Equal(DealMapping.StageIdIndex, stage.Value) : null,
                filter.CustomerId is { } customer ? IndexFilter.Equal(DealMapping.CustomerIdIndex, customer.Value) : null,
                filter.Status is { } s ? IndexFilter.Equal(DealMapping.StatusIndex, DealMapping.StatusKey(s)) : null,
                string.IsNullOrEmpty(filter.OwnerId) ? null : IndexFilter.Equal(DealMapping.OwnerIdIndex, filter.OwnerId)),
            Descending = true,
        };
    }

    private async Task<Deal> ChangeAsync(DealId id, Action<Deal, Pipeline> change, CancellationToken cancellationToken)
    {
        var deal = await GetAsync(id, cancellationToken).ConfigureAwait(false);
        var pipeline = await Store.GetAsync(context.Pipelines, deal.PipelineId.Value, cancellationToken).ConfigureAwait(false);
        change(deal, pipeline);
        await UpdateAsync(deal, cancellationToken).ConfigureAwait(false);
        return deal;
    }
}
