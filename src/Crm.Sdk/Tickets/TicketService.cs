using Crm.Sdk.ProviderKit;
using Crm.Sdk.Storage;
using NodaTime;

namespace Crm.Sdk.Tickets;

/// <summary>The default <see cref="ITicketService"/>.</summary>
internal sealed class TicketService(CrmStore store, CrmContext context) : ITicketService
{
    public async Task<Ticket> OpenAsync(TicketDraft draft, CancellationToken cancellationToken = default)
    {
        var uow = new CrmUnitOfWork(store, context);
        var ticket = uow.OpenTicket(draft);
        await uow.CommitAsync(cancellationToken).ConfigureAwait(false);
        return ticket;
    }

    public Task<Ticket> GetAsync(TicketId id, CancellationToken cancellationToken = default) =>
        store.GetAsync(context.Tickets, id.Value, cancellationToken);

    public async Task UpdateAsync(Ticket ticket, CancellationToken cancellationToken = default)
    {
        var uow = new CrmUnitOfWork(store, context);
        uow.Update(ticket);
        await uow.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public Task<Ticket> AssignAsync(TicketId id, string assigneeId, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, (ticket, _) => ticket.Assign(assigneeId), cancellationToken);

    public Task<Ticket> AddCommentAsync(TicketId id, string authorId, string body, bool isInternal = false, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, (ticket, now) => ticket.AddComment(authorId, body, isInternal, now), cancellationToken);

    public Task<Ticket> ChangeStatusAsync(TicketId id, TicketStatus status, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, (ticket, now) => ticket.ChangeStatus(status, now), cancellationToken);

    public Task<Ticket> RateAsync(TicketId id, int rating, string? comment = null, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, (ticket, now) => ticket.Rate(rating, comment, now), cancellationToken);

    public Task<Page<Ticket>> ListOpenAsync(OpenTicketFilter filter, PageRequest page, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var query = new DocumentQuery(TicketMapping.CollectionName)
        {
            Filter = IndexFilter.And(
                IndexFilter.Equal(TicketMapping.IsOpenIndex, 1L),
                filter.AssigneeId is { } assignee ? IndexFilter.Equal(TicketMapping.AssigneeIdIndex, assignee) : null,
                filter.Priority is { } priority ? IndexFilter.Equal(TicketMapping.PriorityIndex, TicketMapping.ToIndex(priority)) : null),
            OrderBy = TicketMapping.QueueKeyIndex,
        };
        return store.PageAsync(context.Tickets, $"tickets:open:{filter.AssigneeId}:{filter.Priority}", query, page, cancellationToken);
    }

    public Task<Page<Ticket>> ListByCustomerAsync(CustomerId customerId, PageRequest page, CancellationToken cancellationToken = default)
    {
        var query = new DocumentQuery(TicketMapping.CollectionName)
        {
            Filter = IndexFilter.Equal(TicketMapping.CustomerIdIndex, customerId.Value),
            Descending = true,
        };
        return store.PageAsync(context.Tickets, $"tickets:customer:{customerId}", query, page, cancellationToken);
    }

    private async Task<Ticket> ChangeAsync(TicketId id, Action<Ticket, Instant> change, CancellationToken cancellationToken)
    {
        var ticket = await GetAsync(id, cancellationToken).ConfigureAwait(false);
        change(ticket, context.Now());
        await UpdateAsync(ticket, cancellationToken).ConfigureAwait(false);
        return ticket;
    }
}
