using Crm.Sdk.Deals;
using Crm.Sdk.Domain;
using Crm.Sdk.ProviderKit;
using Crm.Sdk.Security;
using Crm.Sdk.Storage;
using Crm.Sdk.Tickets;

namespace Crm.Sdk.Interactions;

/// <summary>
/// The default <see cref="IInteractionService"/>. Access control: an interaction follows its customer's owner. A timeline
/// is always one customer's, so the customer is checked once and the list is read whole (no owner filter is needed in
/// the query); one interaction read or changed checks its customer's owner.
/// </summary>
internal sealed class InteractionService(CrmStore store, CrmContext context)
    : AggregateService<Interaction>(store, context.Interactions, context.Access, CrmResource.Interactions), IInteractionService
{
    public async Task<Interaction> CreateAsync(InteractionDraft draft, CancellationToken cancellationToken = default)
    {
        var uow = new CrmUnitOfWork(Store, context);
        var interaction = await uow.AddInteractionAsync(draft, cancellationToken).ConfigureAwait(false);
        await uow.CommitAsync(cancellationToken).ConfigureAwait(false);
        return Access.Written(interaction);
    }

    public async Task<IReadOnlyList<Interaction>> CreateManyAsync(IReadOnlyCollection<InteractionDraft> drafts, CancellationToken cancellationToken = default)
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
                    interactions.Add(context.Interactions.Attach(Interaction.Record(draft, InteractionId.New(now), now)));
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

        var uow = new CrmUnitOfWork(Store, context);
        await uow.ThrowIfDeniedOnCustomersAsync(CrmResource.Interactions, CrmAction.Create, interactions, cancellationToken).ConfigureAwait(false);
        foreach (var interaction in interactions)
        {
            uow.Add(interaction);
        }

        await uow.CommitAsync(cancellationToken).ConfigureAwait(false);
        return Access.Written<Interaction>(interactions);
    }

    public async Task<Page<Interaction>> ListAsync(InteractionFilter filter, PageRequest page, CancellationToken cancellationToken = default)
    {
        var query = TimelineQuery(filter);
        await ThrowIfDeniedOnCustomerAsync(CrmAction.Read, filter.CustomerId, null, cancellationToken).ConfigureAwait(false);
        var timeline = await Store.PageAsync(context.Interactions, $"timeline:{filter.CustomerId}", query, page, cancellationToken).ConfigureAwait(false);
        return await Access.ReadAsync(Store, timeline, cancellationToken).ConfigureAwait(false);
    }

    public IAsyncEnumerable<Interaction> StreamAsync(InteractionFilter filter, CancellationToken cancellationToken = default) =>
        Access.ReadAsync(Store, StreamAsync(filter.CustomerId, TimelineQuery(filter), cancellationToken), cancellationToken);

    private async IAsyncEnumerable<Interaction> StreamAsync(CustomerId customerId, DocumentQuery query, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await ThrowIfDeniedOnCustomerAsync(CrmAction.Read, customerId, null, cancellationToken).ConfigureAwait(false);
        await foreach (var interaction in Store.QueryAsync(context.Interactions, query, cancellationToken).ConfigureAwait(false))
        {
            yield return interaction;
        }
    }

    protected override async ValueTask<string?> OwnerOfAsync(Interaction item, CancellationToken cancellationToken) =>
        (await Store.CustomerOwnersAsync([item.CustomerId.Value], cancellationToken).ConfigureAwait(false)).GetValueOrDefault(item.CustomerId.Value);

    /// <summary>Throws unless the actor may do <paramref name="action"/> on the interactions of a customer (its owner's).</summary>
    private async Task ThrowIfDeniedOnCustomerAsync(CrmAction action, CustomerId customerId, Guid? recordId, CancellationToken cancellationToken)
    {
        var scope = await Access.ScopeAsync(CrmResource.Interactions, action, cancellationToken).ConfigureAwait(false);
        if (scope.IsAll)
        {
            return;
        }

        if ((await Store.CustomerOwnersAsync([customerId.Value], cancellationToken).ConfigureAwait(false)).TryGetValue(customerId.Value, out var owner))
        {
            await Access.ThrowUnlessAllowsAsync(scope, CrmResource.Interactions, action, recordId ?? customerId.Value, owner, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<Interaction> LinkToDealAsync(InteractionId id, DealId dealId, CancellationToken cancellationToken = default)
    {
        DealId.ThrowIfEmpty(dealId, nameof(dealId));
        var interaction = await LoadAsync(id, cancellationToken).ConfigureAwait(false);
        await ThrowIfDeniedAsync(CrmAction.Update, interaction, cancellationToken).ConfigureAwait(false);
        var deal = await Store.GetAsync(context.Deals, dealId.Value, cancellationToken).ConfigureAwait(false);
        await Access.ThrowIfDeniedAsync(CrmResource.Deals, CrmAction.Read, dealId.Value, deal.OwnerId, cancellationToken).ConfigureAwait(false);
        CrmUnitOfWork.RequireSameCustomer(interaction, deal.CustomerId, "deal");
        interaction.LinkToDeal(dealId);
        return await SaveLinkAsync(interaction, DealMapping.CollectionName, dealId.Value, cancellationToken).ConfigureAwait(false);
    }

    public async Task<Interaction> LinkToTicketAsync(InteractionId id, TicketId ticketId, CancellationToken cancellationToken = default)
    {
        TicketId.ThrowIfEmpty(ticketId, nameof(ticketId));
        var interaction = await LoadAsync(id, cancellationToken).ConfigureAwait(false);
        await ThrowIfDeniedAsync(CrmAction.Update, interaction, cancellationToken).ConfigureAwait(false);
        var ticket = await Store.GetAsync(context.Tickets, ticketId.Value, cancellationToken).ConfigureAwait(false);
        await Access.ThrowIfDeniedAsync(CrmResource.Tickets, CrmAction.Read, ticketId.Value, ticket.AssigneeId, cancellationToken).ConfigureAwait(false);
        CrmUnitOfWork.RequireSameCustomer(interaction, ticket.CustomerId, "ticket");
        interaction.LinkToTicket(ticketId);
        return await SaveLinkAsync(interaction, TicketMapping.CollectionName, ticketId.Value, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Saves a changed link; the linked record must still exist when the change commits.</summary>
    private async Task<Interaction> SaveLinkAsync(Interaction interaction, string collection, Guid linkedId, CancellationToken cancellationToken)
    {
        var uow = new CrmUnitOfWork(Store, context);
        uow.Update(interaction);
        uow.Add(DocumentWrite.Require(collection, linkedId));
        await uow.CommitAsync(cancellationToken).ConfigureAwait(false);
        return Access.Written(interaction);
    }

    private static DocumentQuery TimelineQuery(InteractionFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var customerId = filter.CustomerId;
        CustomerId.ThrowIfEmpty(customerId, nameof(InteractionFilter.CustomerId));
        if (filter.From is { } from && filter.To is { } to && to < from)
        {
            throw new CrmValidationException(nameof(InteractionFilter.To), "range-order", "The end of the time range is before its start.");
        }

        var errors = new List<ValidationError>();
        foreach (var kind in filter.Kinds ?? [])
        {
            InputRules.Defined(kind, nameof(InteractionFilter.Kinds), errors);
        }

        InputRules.ThrowIfAny(errors);

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
