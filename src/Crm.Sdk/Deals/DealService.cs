using Crm.Sdk.Domain;
using Crm.Sdk.Pipelines;
using Crm.Sdk.ProviderKit;
using Crm.Sdk.Security;
using Crm.Sdk.Storage;

namespace Crm.Sdk.Deals;

/// <summary>
/// The default <see cref="IDealService"/>. Access control: a deal is scoped by its own owner only (not its customer's: a
/// list can then be filtered in the database by the deal's <c>owner_id</c> index alone, and a deal's scope does not move
/// when its customer changes hands); an unowned deal is reached only at level All, so a rep or manager creating a deal
/// names an owner in scope.
/// </summary>
internal sealed class DealService(CrmStore store, CrmContext context)
    : AggregateService<Deal>(store, context.Deals, context.Access, CrmResource.Deals), IDealService
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
        return Access.PageAsync(Store, context.Deals, CrmResource.Deals, DealMapping.OwnerIdIndex, $"deals:{filter.PipelineId}:{filter.StageId}:{filter.CustomerId}:{filter.Status}:{filter.OwnerId}", query, page, cancellationToken);
    }

    public IAsyncEnumerable<Deal> StreamAsync(DealFilter filter, CancellationToken cancellationToken = default) =>
        Access.StreamAsync(Store, context.Deals, CrmResource.Deals, DealMapping.OwnerIdIndex, Query(filter), cancellationToken);

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
        var deal = await LoadAsync(id, cancellationToken).ConfigureAwait(false);
        var storedOwner = await ThrowIfDeniedAsync(CrmAction.Update, deal, cancellationToken).ConfigureAwait(false);
        var pipeline = await Store.GetAsync(context.Pipelines, deal.PipelineId.Value, cancellationToken).ConfigureAwait(false);
        change(deal, pipeline);
        var uow = new CrmUnitOfWork(Store, context);
        uow.Update(deal, storedOwner);
        await uow.CommitAsync(cancellationToken).ConfigureAwait(false);
        return deal;
    }

    protected override ValueTask<string?> OwnerOfAsync(Deal item, CancellationToken cancellationToken) => ValueTask.FromResult(item.OwnerId);
}
