using System.Runtime.CompilerServices;
using Crm.Sdk.ProviderKit;
using Crm.Sdk.Storage;

namespace Crm.Sdk.Interactions;

/// <summary>The default <see cref="IInteractionService"/>.</summary>
internal sealed class InteractionService(CrmStore store, CrmContext context) : IInteractionService
{
    public async Task<Interaction> RecordAsync(InteractionDraft draft, CancellationToken cancellationToken = default)
    {
        var uow = new CrmUnitOfWork(store, context);
        var interaction = uow.RecordInteraction(draft);
        await uow.CommitAsync(cancellationToken).ConfigureAwait(false);
        return interaction;
    }

    public async Task<IReadOnlyList<Interaction>> RecordBatchAsync(IReadOnlyCollection<InteractionDraft> drafts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(drafts);
        var now = context.Now();
        var interactions = new List<Interaction>(drafts.Count);
        var errors = new List<ValidationError>();
        var index = 0;
        foreach (var draft in drafts)
        {
            try
            {
                if (draft is null)
                {
                    errors.Add(new ValidationError($"[{index}]", "required", "The draft is null."));
                }
                else
                {
                    interactions.Add(Interaction.Record(draft, InteractionId.New(now), now));
                }
            }
            catch (CrmValidationException ex)
            {
                errors.AddRange(ex.Errors.Select(e => e with { Field = $"[{index}].{e.Field}" }));
            }

            index++;
        }

        if (errors.Count > 0)
        {
            throw new CrmValidationException(errors);
        }

        var uow = new CrmUnitOfWork(store, context);
        foreach (var interaction in interactions)
        {
            uow.Add(interaction);
        }

        await uow.CommitAsync(cancellationToken).ConfigureAwait(false);
        return interactions;
    }

    public Task<Interaction> GetAsync(InteractionId id, CancellationToken cancellationToken = default) =>
        store.GetAsync(context.Interactions, id.Value, cancellationToken);

    public Task<Page<Interaction>> GetTimelineAsync(CustomerId customerId, TimelineFilter filter, PageRequest page, CancellationToken cancellationToken = default)
    {
        var query = TimelineQuery(customerId, filter);
        return store.PageAsync(context.Interactions, $"timeline:{customerId}", query, page, cancellationToken);
    }

    public async IAsyncEnumerable<Interaction> StreamTimelineAsync(CustomerId customerId, TimelineFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var interaction in store.QueryAsync(context.Interactions, TimelineQuery(customerId, filter), cancellationToken).ConfigureAwait(false))
        {
            yield return interaction;
        }
    }

    private static DocumentQuery TimelineQuery(CustomerId customerId, TimelineFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (filter.From is { } from && filter.To is { } to && to < from)
        {
            throw new CrmValidationException(nameof(TimelineFilter.To), "range-order", "The end of the time range is before its start.");
        }

        var kinds = filter.Kinds is { Count: > 0 } k ? k.Distinct().Select(kind => (object)InteractionMapping.ToIndex(kind)).ToArray() : null;
        return new DocumentQuery(InteractionMapping.CollectionName)
        {
            Filter = IndexFilter.And(
                IndexFilter.Equal(InteractionMapping.CustomerIdIndex, customerId.Value),
                kinds is null ? null : kinds.Length == 1 ? IndexFilter.Equal(InteractionMapping.KindIndex, kinds[0]) : IndexFilter.AnyOf(InteractionMapping.KindIndex, kinds),
                filter.From is null && filter.To is null
                    ? null
                    : IndexFilter.Range(
                        InteractionMapping.OccurredAtIndex,
                        filter.From is { } f ? IndexConversions.ToIndex(f) : null,
                        filter.To is { } t ? IndexConversions.ToIndex(t) : null)),
            OrderBy = InteractionMapping.OccurredAtIndex,
            Descending = true,
        };
    }
}
