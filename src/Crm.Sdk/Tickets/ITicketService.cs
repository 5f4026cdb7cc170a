namespace Crm.Sdk.Tickets;

/// <summary>
/// Service tickets: open (create), read, change, list and stream; shortcuts to assign, comment, move through the status
/// workflow and rate. A ticket is closed, not deleted; it goes when its customer is deleted.
/// </summary>
/// <remarks>
/// With access control (<c>AddAccessControl</c>) every call checks the current actor and a denied call throws
/// <see cref="Security.AccessDeniedException"/> before anything is written. Tickets are scoped by their assignee, not their customer's owner: an unassigned ticket is reached only at level All, and an actor below All creates tickets assigned within its scope. Lists and streams are filtered by the actor's scope in the database query; one ticket read or changed checks its stored assignee (and a new assignee must be in scope too). Reading one record by id that is out
/// of the actor's scope throws <see cref="Security.AccessDeniedException"/>, from <c>FindAsync</c> too (rather than
/// returning <see langword="null"/>): the denial is explicit and audited, and no data is returned.
/// </remarks>
public interface ITicketService
{
    /// <summary>Opens a ticket for an existing customer.</summary>
    /// <param name="draft">The ticket's data.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The saved ticket, in status New.</returns>
    /// <exception cref="CrmValidationException">The draft breaks a rule.</exception>
    /// <exception cref="EntityNotFoundException">The customer does not exist.</exception>
    Task<Ticket> CreateAsync(TicketDraft draft, CancellationToken cancellationToken = default);

    /// <summary>Reads a ticket.</summary>
    /// <param name="id">The id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The ticket.</returns>
    /// <exception cref="EntityNotFoundException">No ticket has that id.</exception>
    Task<Ticket> GetAsync(TicketId id, CancellationToken cancellationToken = default);

    /// <summary>Reads a ticket, or <see langword="null"/> when there is none with that id.</summary>
    /// <param name="id">The id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The ticket, or <see langword="null"/>.</returns>
    Task<Ticket?> FindAsync(TicketId id, CancellationToken cancellationToken = default);

    /// <summary>Saves changes made through the ticket's methods, if nobody changed it since it was read.</summary>
    /// <param name="ticket">The changed ticket.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when saved.</returns>
    /// <exception cref="ConcurrencyConflictException">The ticket changed since it was read.</exception>
    Task UpdateAsync(Ticket ticket, CancellationToken cancellationToken = default);

    /// <summary>Assigns a ticket to an agent (a user id of the host).</summary>
    /// <param name="id">The ticket.</param>
    /// <param name="assigneeId">The agent.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The saved ticket.</returns>
    Task<Ticket> AssignAsync(TicketId id, string assigneeId, CancellationToken cancellationToken = default);

    /// <summary>Adds a public comment (seen by the customer) or an internal note.</summary>
    /// <param name="id">The ticket.</param>
    /// <param name="authorId">Who wrote it (a user id of the host).</param>
    /// <param name="body">The text.</param>
    /// <param name="isInternal">Whether only agents see it.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The saved ticket.</returns>
    Task<Ticket> AddCommentAsync(TicketId id, string authorId, string body, bool isInternal = false, CancellationToken cancellationToken = default);

    /// <summary>Moves a ticket through its status workflow. Moving it to its current status changes nothing and saves nothing.</summary>
    /// <param name="id">The ticket.</param>
    /// <param name="status">The status to go to.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The saved ticket.</returns>
    /// <exception cref="InvalidStatusTransitionException">The workflow does not allow going from the current status to <paramref name="status"/>.</exception>
    Task<Ticket> ChangeStatusAsync(TicketId id, TicketStatus status, CancellationToken cancellationToken = default);

    /// <summary>Records the customer's satisfaction rating (1–5) of a resolved or closed ticket.</summary>
    /// <param name="id">The ticket.</param>
    /// <param name="rating">From 1 (very unsatisfied) to 5 (very satisfied).</param>
    /// <param name="comment">The customer's words, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The saved ticket.</returns>
    /// <exception cref="DomainRuleException">The ticket is not resolved or closed.</exception>
    /// <exception cref="CrmValidationException">The rating is outside 1–5.</exception>
    Task<Ticket> RateAsync(TicketId id, int rating, string? comment = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Lists tickets by customer, open or not, assignee and priority (all optional, combined with AND), keyset-paged: the
    /// open queue (<see cref="TicketFilter.Open"/>) most urgent first and then oldest first, any other list newest first.
    /// </summary>
    /// <param name="filter">Which tickets; <see cref="TicketFilter.All"/> for every ticket.</param>
    /// <param name="page">Which page; <see cref="PageRequest.First"/> for the first.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>One page of tickets.</returns>
    /// <exception cref="CrmValidationException">The filter or the continuation token is invalid.</exception>
    Task<Page<Ticket>> ListAsync(TicketFilter filter, PageRequest page, CancellationToken cancellationToken = default);

    /// <summary>Streams every ticket the filter selects, in the order of <see cref="ListAsync"/>, with flat memory.</summary>
    /// <param name="filter">Which tickets; <see cref="TicketFilter.All"/> for every ticket.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The tickets.</returns>
    /// <exception cref="CrmValidationException">The filter is invalid.</exception>
    IAsyncEnumerable<Ticket> StreamAsync(TicketFilter filter, CancellationToken cancellationToken = default);
}
