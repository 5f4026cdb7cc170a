namespace Crm.Sdk.Interactions;

/// <summary>
/// Interactions: create one or many, read one, list and stream a customer's timeline, and link an interaction to a deal
/// or a ticket after the fact. Interactions are history: they are not edited or deleted one by one (a customer's
/// deletion or erasure removes or shreds them all).
/// </summary>
/// <remarks>
/// With access control (<c>AddAccessControl</c>) every call checks the current actor and a denied call throws
/// <see cref="Security.AccessDeniedException"/> before anything is written. Interactions follow their customer's owner: a timeline is one customer's, checked once; one interaction read, created or linked checks its customer's owner. Reading one record by id that is out
/// of the actor's scope throws <see cref="Security.AccessDeniedException"/>, from <c>FindAsync</c> too (rather than
/// returning <see langword="null"/>): the denial is explicit and audited, and no data is returned.
/// </remarks>
public interface IInteractionService
{
    /// <summary>Records one interaction of an existing customer.</summary>
    /// <param name="draft">The interaction's data.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The saved interaction.</returns>
    /// <exception cref="CrmValidationException">The draft breaks a rule.</exception>
    /// <exception cref="EntityNotFoundException">The customer, or the deal or ticket the draft names, does not exist.</exception>
    /// <exception cref="DomainRuleException">The deal or ticket the draft names belongs to another customer (rule <c>other-customer</c>).</exception>
    Task<Interaction> CreateAsync(InteractionDraft draft, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records many interactions in one transaction: all of them, or none when any draft is invalid (the error names
    /// each failing draft as <c>[index].Field</c>) or a customer does not exist. For large imports call it per batch
    /// (for example 1,000–10,000 drafts).
    /// </summary>
    /// <param name="drafts">The interactions' data.</param>
    /// <param name="cancellationToken">Cancels the call; a cancelled batch writes nothing.</param>
    /// <returns>The saved interactions, in the order of the drafts.</returns>
    /// <exception cref="CrmValidationException">A draft breaks a rule.</exception>
    /// <exception cref="EntityNotFoundException">A customer, or a deal or ticket a draft names, does not exist; nothing is written.</exception>
    /// <exception cref="DomainRuleException">A draft names a deal or ticket of another customer (rule <c>other-customer</c>); nothing is written.</exception>
    Task<IReadOnlyList<Interaction>> CreateManyAsync(IReadOnlyCollection<InteractionDraft> drafts, CancellationToken cancellationToken = default);

    /// <summary>Reads one interaction.</summary>
    /// <param name="id">The id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The interaction.</returns>
    /// <exception cref="EntityNotFoundException">No interaction has that id.</exception>
    Task<Interaction> GetAsync(InteractionId id, CancellationToken cancellationToken = default);

    /// <summary>Reads one interaction, or <see langword="null"/> when there is none with that id.</summary>
    /// <param name="id">The id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The interaction, or <see langword="null"/>.</returns>
    Task<Interaction?> FindAsync(InteractionId id, CancellationToken cancellationToken = default);

    /// <summary>A customer's timeline, newest first, optionally filtered by kind and time range, keyset-paged.</summary>
    /// <param name="filter">The customer, and optionally kinds and a time range.</param>
    /// <param name="page">Which page; <see cref="PageRequest.First"/> for the newest.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>One page of the timeline.</returns>
    /// <exception cref="CrmValidationException">The filter or the continuation token is invalid.</exception>
    Task<Page<Interaction>> ListAsync(InteractionFilter filter, PageRequest page, CancellationToken cancellationToken = default);

    /// <summary>Streams every interaction the filter selects, newest first, with flat memory.</summary>
    /// <param name="filter">The customer, and optionally kinds and a time range.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The interactions.</returns>
    /// <exception cref="CrmValidationException">The filter is invalid.</exception>
    IAsyncEnumerable<Interaction> StreamAsync(InteractionFilter filter, CancellationToken cancellationToken = default);

    /// <summary>Links an interaction to a deal of the same customer, for example a call recorded before the deal existed.</summary>
    /// <param name="id">The interaction.</param>
    /// <param name="dealId">The deal.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The saved interaction.</returns>
    /// <exception cref="EntityNotFoundException">The interaction or the deal does not exist.</exception>
    /// <exception cref="DomainRuleException">The deal belongs to another customer (rule <c>other-customer</c>). Linking again moves the link; the event names the previous deal.</exception>
    Task<Interaction> LinkToDealAsync(InteractionId id, DealId dealId, CancellationToken cancellationToken = default);

    /// <summary>Links an interaction to a ticket of the same customer.</summary>
    /// <param name="id">The interaction.</param>
    /// <param name="ticketId">The ticket.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The saved interaction.</returns>
    /// <exception cref="EntityNotFoundException">The interaction or the ticket does not exist.</exception>
    /// <exception cref="DomainRuleException">The ticket belongs to another customer (rule <c>other-customer</c>). Linking again moves the link; the event names the previous ticket.</exception>
    Task<Interaction> LinkToTicketAsync(InteractionId id, TicketId ticketId, CancellationToken cancellationToken = default);
}
