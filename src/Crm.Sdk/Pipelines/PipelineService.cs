using Crm.Sdk.Deals;
using Crm.Sdk.Domain;
using Crm.Sdk.ProviderKit;
using Crm.Sdk.Security;
using Crm.Sdk.Storage;

namespace Crm.Sdk.Pipelines;

/// <summary>
/// The default <see cref="IPipelineService"/>. Access control: pipelines have no owner, any level other than None reaches
/// all of them; the summary needs the pipeline's read and counts only the deals in the actor's deal scope (in the aggregate query).
/// </summary>
internal sealed class PipelineService(CrmStore store, CrmContext context)
    : AggregateService<Pipeline>(store, context.Pipelines, context.Access, CrmResource.Pipelines), IPipelineService
{
    public async Task<Pipeline> CreateAsync(PipelineDraft draft, CancellationToken cancellationToken = default)
    {
        var uow = new CrmUnitOfWork(Store, context);
        var pipeline = await uow.CreatePipelineAsync(draft, cancellationToken).ConfigureAwait(false);
        await uow.CommitAsync(cancellationToken).ConfigureAwait(false);
        return pipeline;
    }

    public async Task<Pipeline?> FindByNameAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        InputRules.ThrowIfInvalidLookup(name, "Name", Pipeline.MaxNameLength);
        await Access.ScopeAsync(CrmResource.Pipelines, CrmAction.Read, cancellationToken).ConfigureAwait(false);
        var query = new DocumentQuery(PipelineMapping.CollectionName)
        {
            Filter = IndexFilter.Equal(PipelineMapping.NameKeyIndex, PipelineMapping.NameKey(name.Trim())),
            Limit = 1,
        };
        await foreach (var pipeline in Store.QueryAsync(context.Pipelines, query, cancellationToken).ConfigureAwait(false))
        {
            return pipeline;
        }

        return null;
    }

    public Task<Page<Pipeline>> ListAsync(PipelineFilter filter, PageRequest page, CancellationToken cancellationToken = default) =>
        Access.PageAsync(Store, context.Pipelines, CrmResource.Pipelines, null, $"pipelines:{filter?.NamePrefix}", Query(filter), page, cancellationToken);

    public IAsyncEnumerable<Pipeline> StreamAsync(PipelineFilter filter, CancellationToken cancellationToken = default) =>
        Access.StreamAsync(Store, context.Pipelines, CrmResource.Pipelines, null, Query(filter), cancellationToken);

    private static DocumentQuery Query(PipelineFilter? filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        InputRules.ThrowIfInvalidLookup(filter.NamePrefix, nameof(PipelineFilter.NamePrefix), Pipeline.MaxNameLength);
        return new DocumentQuery(PipelineMapping.CollectionName)
        {
            Filter = InputRules.IsBlank(filter.NamePrefix) ? null : IndexFilter.StartsWith(PipelineMapping.NameKeyIndex, PipelineMapping.NameKey(filter.NamePrefix.Trim())),
            OrderBy = PipelineMapping.NameKeyIndex,
        };
    }

    public async Task UpdateAsync(Pipeline pipeline, CancellationToken cancellationToken = default)
    {
        var uow = new CrmUnitOfWork(Store, context);
        uow.Update(pipeline);
        await uow.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<PipelineSummary> GetSummaryAsync(PipelineId id, CancellationToken cancellationToken = default)
    {
        var pipeline = await ReadAsync(id, cancellationToken).ConfigureAwait(false);
        var count = new AggregateFunction(AggregateKind.Count);
        var amount = new AggregateFunction(AggregateKind.Sum, DealMapping.AmountIndex);
        var dealScope = await Access.TryScopeAsync(CrmResource.Deals, CrmAction.Read, cancellationToken).ConfigureAwait(false);
        var rows = dealScope is null
            ? []
            : await Store.AggregateAsync(
                new AggregateQuery(
                    DealMapping.CollectionName,
                    dealScope.Apply(IndexFilter.Equal(DealMapping.PipelineIdIndex, id.Value), DealMapping.OwnerIdIndex),
                    [DealMapping.StageIdIndex, DealMapping.CurrencyIndex],
                    [count, amount]),
                cancellationToken).ConfigureAwait(false);

        var stages = new List<StageSummary>(pipeline.Stages.Count);
        foreach (var stage in pipeline.Stages)
        {
            var stageRows = rows.Where(r => r.Key(DealMapping.StageIdIndex) is Guid g && g == stage.Id.Value).ToArray();
            stages.Add(new StageSummary(
                stage,
                stageRows.Sum(r => r.Count(count)),
                MoneyTotals.ByCurrency(stageRows, DealMapping.CurrencyIndex, amount),
                MoneyTotals.ByCurrency(stageRows, DealMapping.CurrencyIndex, amount, stage.Probability)));
        }

        var forecast = MoneyTotals.Sum(stages.Where(s => s.Stage.Outcome == StageOutcome.Open).SelectMany(s => s.WeightedAmount));
        return new PipelineSummary(pipeline, stages, forecast);
    }

    protected override ValueTask<string?> OwnerOfAsync(Pipeline item, CancellationToken cancellationToken) => ValueTask.FromResult<string?>(null);
}
