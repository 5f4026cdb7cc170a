namespace Crm.Sdk.Deals;

/// <summary>
/// Deals (opportunities): create, read, change, list and stream; shortcuts to move one through the stages of its
/// pipeline, win, lose, reopen and assign it. A deal is closed (won or lost), not deleted; it goes when its customer is
/// deleted.
/// </summary>
/// <remarks>
/// With access control (<c>AddAccessControl</c>) every call checks the current actor and a denied call throws
/// <see cref="Security.AccessDeniedException"/> before anything is written. Deals are scoped by their own owner, not their customer's: an unowned deal is reached only at level All, and an actor below All creates deals with an owner in its scope. Lists and streams are filtered by the actor's scope in the database query; one deal read or changed checks its stored owner (and a new owner must be in scope too). Reading one record by id that is out
/// of the actor's scope throws <see cref="Security.AccessDeniedException"/>, from <c>FindAsync</c> too (rather than
/// returning <see langword="null"/>): the denial is explicit and audited, and no data is returned.
/// </remarks>
public interface IDealService
{
    /// <summary>Creates a deal in the draft's pipeline, at its initial stage (the first open stage unless the draft names one).</summary>
    /// <param name="draft">The deal's data.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The saved deal.</returns>
    /// <exception cref="CrmValidationException">The draft breaks a rule.</exception>
    /// <exception cref="EntityNotFoundException">The pipeline or the customer does not exist.</exception>
    Task<Deal> CreateAsync(DealDraft draft, CancellationToken cancellationToken = default);

    /// <summary>Reads a deal.</summary>
    /// <param name="id">The id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The deal.</returns>
    /// <exception cref="EntityNotFoundException">No deal has that id.</exception>
    Task<Deal> GetAsync(DealId id, CancellationToken cancellationToken = default);

    /// <summary>Reads a deal, or <see langword="null"/> when there is none with that id.</summary>
    /// <param name="id">The id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The deal, or <see langword="null"/>.</returns>
    Task<Deal?> FindAsync(DealId id, CancellationToken cancellationToken = default);

    /// <summary>Saves changes made through the deal's methods, if nobody changed it since it was read.</summary>
    /// <param name="deal">The changed deal.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when saved.</returns>
    /// <exception cref="ConcurrencyConflictException">The deal changed since it was read.</exception>
    Task UpdateAsync(Deal deal, CancellationToken cancellationToken = default);

    /// <summary>Moves a deal to another stage of its pipeline (a closed-won or closed-lost stage wins or loses it).</summary>
    /// <param name="id">The deal.</param>
    /// <param name="stageId">A stage of the deal's pipeline.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The saved deal.</returns>
    /// <exception cref="DomainRuleException">The deal is closed, or the stage is not in its pipeline.</exception>
    Task<Deal> MoveToStageAsync(DealId id, StageId stageId, CancellationToken cancellationToken = default);

    /// <summary>Wins a deal: moves it to its pipeline's closed-won stage.</summary>
    /// <param name="id">The deal.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The saved deal.</returns>
    /// <exception cref="DomainRuleException">The deal is already closed.</exception>
    Task<Deal> WinAsync(DealId id, CancellationToken cancellationToken = default);

    /// <summary>Loses a deal: moves it to its pipeline's closed-lost stage.</summary>
    /// <param name="id">The deal.</param>
    /// <param name="reason">Why, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The saved deal.</returns>
    /// <exception cref="DomainRuleException">The deal is already closed.</exception>
    Task<Deal> LoseAsync(DealId id, string? reason = null, CancellationToken cancellationToken = default);

    /// <summary>Reopens a won or lost deal, at the given open stage or the last open stage it was in.</summary>
    /// <param name="id">The deal.</param>
    /// <param name="stageId">The open stage to reopen at, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The saved deal.</returns>
    /// <exception cref="DomainRuleException">The deal is not closed, or the stage is not an open stage of its pipeline.</exception>
    Task<Deal> ReopenAsync(DealId id, StageId? stageId = null, CancellationToken cancellationToken = default);

    /// <summary>Gives a deal to an owner (or none) and saves it.</summary>
    /// <param name="id">The deal.</param>
    /// <param name="ownerId">The owner's user id in the host, or <see langword="null"/> for none.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The saved deal.</returns>
    /// <exception cref="EntityNotFoundException">No deal has that id.</exception>
    /// <exception cref="CrmValidationException">The owner id breaks the text rules.</exception>
    Task<Deal> AssignOwnerAsync(DealId id, string? ownerId, CancellationToken cancellationToken = default);

    /// <summary>Lists deals by pipeline, stage, customer, status and owner (all optional, combined with AND), newest first, keyset-paged.</summary>
    /// <param name="filter">Which deals; <see cref="DealFilter.All"/> for every deal.</param>
    /// <param name="page">Which page; <see cref="PageRequest.First"/> for the first.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>One page of deals.</returns>
    /// <exception cref="CrmValidationException">The filter or the continuation token is invalid.</exception>
    Task<Page<Deal>> ListAsync(DealFilter filter, PageRequest page, CancellationToken cancellationToken = default);

    /// <summary>Streams every deal the filter selects, newest first, with flat memory.</summary>
    /// <param name="filter">Which deals; <see cref="DealFilter.All"/> for every deal.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The deals.</returns>
    IAsyncEnumerable<Deal> StreamAsync(DealFilter filter, CancellationToken cancellationToken = default);
}
