using Crm.Sdk.Domain;
using Crm.Sdk.ProviderKit;
using Crm.Sdk.Security;
using Crm.Sdk.Storage;

namespace Crm.Sdk.Tickets;

/// <summary>
/// The default <see cref="ITicketService"/>. Access control: a ticket is scoped by its assignee only (not its customer's
/// owner: the queue is filtered in the database by the <c>assignee_id</c> index alone); an unassigned ticket is reached
/// only at level All, so an actor below All creates tickets assigned to someone in scope.
/// </summary>
internal sealed class TicketService(CrmStore store, CrmContext context)
    : AggregateService<Ticket>(store, context.Tickets, context.Access, CrmResource.Tickets), ITicketService
{
    public async Task<Ticket> CreateAsync(TicketDraft draft, CancellationToken cancellationToken = default)
    {
        var uow = new CrmUnitOfWork(Store, context);
        var ticket = await uow.AddTicketAsync(draft, cancellationToken).ConfigureAwait(false);
        await uow.CommitAsync(cancellationToken).ConfigureAwait(false);
        return Access.Written(ticket);
    }

    public async Task UpdateAsync(Ticket ticket, CancellationToken cancellationToken = default)
    {
        var uow = new CrmUnitOfWork(Store, context);
        uow.Update(ticket);
        await uow.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public Task<Ticket> AssignAsync(TicketId id, string assigneeId, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, ticket => ticket.Assign(assigneeId), cancellationToken);

    public Task<Ticket> AddCommentAsync(TicketId id, string authorId, string body, bool isInternal = false, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, ticket => ticket.AddComment(authorId, body, isInternal), cancellationToken);

    public Task<Ticket> ChangeStatusAsync(TicketId id, TicketStatus status, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, ticket => ticket.ChangeStatus(status), cancellationToken);

    public Task<Ticket> RateAsync(TicketId id, int rating, string? comment = null, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, ticket => ticket.Rate(rating, comment), cancellationToken);

    public async Task<Page<Ticket>> ListAsync(TicketFilter filter, PageRequest page, CancellationToken cancellationToken = default)
    {
        var query = Query(filter);
        var tickets = await Access.PageAsync(Store, context.Tickets, CrmResource.Tickets, TicketMapping.AssigneeIdIndex, $"tickets:{filter.CustomerId}:{filter.IsOpen}:{filter.AssigneeId}:{filter.Priority}", query, page, cancellationToken).ConfigureAwait(false);
        return await Access.ReadAsync(Store, tickets, cancellationToken).ConfigureAwait(false);
    }

    public IAsyncEnumerable<Ticket> StreamAsync(TicketFilter filter, CancellationToken cancellationToken = default) =>
        Access.ReadAsync(Store, Access.StreamAsync(Store, context.Tickets, CrmResource.Tickets, TicketMapping.AssigneeIdIndex, Query(filter), cancellationToken), cancellationToken);

    private static DocumentQuery Query(TicketFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        InputRules.ThrowIfUndefined(filter.Priority, nameof(TicketFilter.Priority));
        InputRules.ThrowIfInvalidLookup(filter.AssigneeId, nameof(TicketFilter.AssigneeId), Ticket.MaxUserIdLength);
        CustomerId.ThrowIfEmpty(filter.CustomerId, nameof(TicketFilter.CustomerId));

        var queue = filter.IsOpen == true;
        return new DocumentQuery(TicketMapping.CollectionName)
        {
            Filter = IndexFilter.And(
                filter.CustomerId is { } customer ? IndexFilter.Equal(TicketMapping.CustomerIdIndex, customer.Value) : null,
                filter.IsOpen is { } open ? IndexFilter.Equal(TicketMapping.IsOpenIndex, open ? 1L : 0L) : null,
                string.IsNullOrEmpty(filter.AssigneeId) ? null : IndexFilter.Equal(TicketMapping.AssigneeIdIndex, filter.AssigneeId),
                filter.Priority is { } priority ? IndexFilter.Equal(TicketMapping.PriorityIndex, TicketMapping.ToIndex(priority)) : null),
            OrderBy = queue ? TicketMapping.QueueKeyIndex : null,
            Descending = !queue,
        };
    }

    private async Task<Ticket> ChangeAsync(TicketId id, Action<Ticket> change, CancellationToken cancellationToken)
    {
        var ticket = await LoadAsync(id, cancellationToken).ConfigureAwait(false);
        var storedAssignee = await ThrowIfDeniedAsync(CrmAction.Update, ticket, cancellationToken).ConfigureAwait(false);
        change(ticket);
        if (ticket.DomainEvents.Count == 0)
        {
            return Access.Written(ticket); // The change changed nothing (every change raises an event): nothing to save, no new version.
        }

        var uow = new CrmUnitOfWork(Store, context);
        uow.Update(ticket, storedAssignee);
        await uow.CommitAsync(cancellationToken).ConfigureAwait(false);
        return Access.Written(ticket);
    }

    protected override ValueTask<string?> OwnerOfAsync(Ticket item, CancellationToken cancellationToken) => ValueTask.FromResult(item.AssigneeId);
}
