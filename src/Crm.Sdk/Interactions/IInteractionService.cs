namespace Crm.Sdk.Interactions;

/// <summary>Interactions: record one or a batch, read one, and page through a customer's timeline.</summary>
public interface IInteractionService
{
    /// <summary>Records one interaction of an existing customer.</summary>
    /// <param name="draft">The interaction's data.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The saved interaction.</returns>
    /// <exception cref="CrmValidationException">The draft breaks a rule.</exception>
    /// <exception cref="EntityNotFoundException">The customer does not exist.</exception>
    Task<Interaction> RecordAsync(InteractionDraft draft, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records many interactions in one transaction: all of them, or none when any draft is invalid (the error names
    /// each failing draft as <c>[index].Field</c>) or a customer does not exist. For large imports call it per batch
    /// (for example 1,000–10,000 drafts).
    /// </summary>
    /// <param name="drafts">The interactions' data.</param>
    /// <param name="cancellationToken">Cancels the call; a cancelled batch writes nothing.</param>
    /// <returns>The saved interactions, in the order of the drafts.</returns>
    Task<IReadOnlyList<Interaction>> RecordBatchAsync(IReadOnlyCollection<InteractionDraft> drafts, CancellationToken cancellationToken = default);

    /// <summary>Reads one interaction.</summary>
    /// <param name="id">The id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The interaction.</returns>
    /// <exception cref="EntityNotFoundException">No interaction has that id.</exception>
    Task<Interaction> GetAsync(InteractionId id, CancellationToken cancellationToken = default);

    /// <summary>A customer's timeline, newest first, optionally filtered by kind and time range, keyset-paged.</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="filter">Kinds and time range; <see cref="TimelineFilter.All"/> for everything.</param>
    /// <param name="page">Which page; <see cref="PageRequest.First"/> for the newest.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>One page of the timeline.</returns>
    Task<Page<Interaction>> GetTimelineAsync(CustomerId customerId, TimelineFilter filter, PageRequest page, CancellationToken cancellationToken = default);

    /// <summary>Streams every interaction of a customer, newest first, without loading them all.</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="filter">Kinds and time range.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The interactions.</returns>
    IAsyncEnumerable<Interaction> StreamTimelineAsync(CustomerId customerId, TimelineFilter filter, CancellationToken cancellationToken = default);
}
