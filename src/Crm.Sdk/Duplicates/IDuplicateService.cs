using Crm.Sdk.Customers;
using Crm.Sdk.Security;

namespace Crm.Sdk.Duplicates;

/// <summary>
/// Duplicate detection and merging of customers. Candidates are found through blocking keys stored as blind indexes
/// when fields are encrypted (never plaintext at rest), then compared in memory after decryption and scored with an
/// explanation. A merge re-points every interaction, deal and ticket to the survivor in one transaction and keeps a
/// journal from which <see cref="UnmergeAsync"/> restores both customers and every reference as before.
/// </summary>
/// <remarks>
/// Access control: detection reads only customers in the actor's read scope (others are not found); merge and unmerge
/// need <see cref="CrmAction.Merge"/> on customers for both records (checked against their stored owners), and are
/// recorded in the audit trail as <see cref="Audit.AuditAction.Merge"/> entries naming both customers.
/// </remarks>
public interface IDuplicateService
{
    /// <summary>
    /// The stored customers that match an incoming record (an import row, a sign-up form) at or above the threshold, best
    /// first. Nothing is written.
    /// </summary>
    /// <param name="draft">The incoming record, validated as <see cref="ICustomerService.CreateAsync"/> would.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The matches, highest score first; empty when none.</returns>
    /// <exception cref="CrmValidationException">The draft breaks a rule.</exception>
    Task<IReadOnlyList<DuplicateMatch>> FindMatchesAsync(CustomerDraft draft, CancellationToken cancellationToken = default);

    /// <summary>The stored customers that match a stored customer at or above the threshold, best first.</summary>
    /// <param name="id">The customer.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The matches, highest score first; empty when none.</returns>
    /// <exception cref="EntityNotFoundException">The customer does not exist.</exception>
    /// <exception cref="AccessDeniedException">The actor may not read the customer.</exception>
    Task<IReadOnlyList<DuplicateMatch>> FindMatchesAsync(CustomerId id, CancellationToken cancellationToken = default);

    /// <summary>
    /// Scans every customer in the actor's scope for duplicates, in id order with flat memory: each customer's candidates
    /// (customers sharing a blocking key) are read and scored; each pair is reported once.
    /// </summary>
    /// <param name="threshold">The score from which a pair is reported (0 to 1), or null for the configured threshold.</param>
    /// <param name="after">Resume after this customer (<see cref="DuplicateScanProgress.LastCustomerId"/> of an interrupted scan), or null to start.</param>
    /// <param name="progress">Receives progress after each batch of customers.</param>
    /// <param name="cancellationToken">Cancels the scan.</param>
    /// <returns>The pairs, as they are found.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The threshold is not between 0 and 1.</exception>
    IAsyncEnumerable<DuplicatePair> FindDuplicatesAsync(double? threshold = null, CustomerId? after = null, IProgress<DuplicateScanProgress>? progress = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Merges <paramref name="duplicate"/> into <paramref name="survivor"/> in one transaction: the survivor takes the
    /// combined fields (<see cref="MergeOptions"/>), every interaction, deal and ticket of the duplicate is re-pointed to
    /// it, the duplicate is deleted, and a journal is written for <see cref="UnmergeAsync"/>.
    /// </summary>
    /// <param name="survivor">The customer that stays.</param>
    /// <param name="duplicate">The customer merged into it.</param>
    /// <param name="options">Survivorship rules, or null for the defaults.</param>
    /// <param name="cancellationToken">Cancels the call; a cancelled merge wrote nothing.</param>
    /// <returns>The merge id and what was re-pointed.</returns>
    /// <exception cref="EntityNotFoundException">Either customer does not exist.</exception>
    /// <exception cref="AccessDeniedException">The actor may not merge either customer (nothing was written).</exception>
    /// <exception cref="DomainRuleException">
    /// The two are the same customer (rule <c>merge-same-customer</c>), one was erased (<c>customer-erased</c>), or the
    /// combined record would exceed a limit such as 20 emails (<c>merge-too-many-values</c>).
    /// </exception>
    /// <exception cref="ConcurrencyConflictException">A record changed while the merge was prepared (nothing was written; retry).</exception>
    Task<MergeResult> MergeAsync(CustomerId survivor, CustomerId duplicate, MergeOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// What <see cref="MergeAsync"/> would do with the same arguments, and writes nothing: the survivor as it would be
    /// saved and how many interactions, deals and tickets would move. The same checks and errors as the merge (the actor
    /// needs <c>Merge</c> on both customers); the survivor is handed out like any read (masked for an actor who does not
    /// see personal data, recorded in the audit trail otherwise).
    /// </summary>
    /// <param name="survivor">The customer that would be kept.</param>
    /// <param name="duplicate">The customer that would be merged into it.</param>
    /// <param name="options">Survivorship rules, or null for the defaults.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The merged survivor and the records that would move.</returns>
    /// <exception cref="EntityNotFoundException">Either customer does not exist.</exception>
    /// <exception cref="AccessDeniedException">The actor may not merge either customer.</exception>
    /// <exception cref="DomainRuleException">As for <see cref="MergeAsync"/>: the same customer, an erased one, or a combined record over a limit.</exception>
    Task<MergePreview> PreviewMergeAsync(CustomerId survivor, CustomerId duplicate, MergeOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Undoes a merge: the survivor gets back the fields it had, the duplicate is restored under its own id with its
    /// fields, and every re-pointed interaction, deal and ticket goes back to it, in one transaction; the journal is then
    /// deleted. Records added to the survivor after the merge stay with the survivor.
    /// </summary>
    /// <param name="mergeId">The merge (<see cref="MergeResult.MergeId"/>).</param>
    /// <param name="cancellationToken">Cancels the call; a cancelled undo wrote nothing.</param>
    /// <returns>A task that completes when both customers are restored.</returns>
    /// <exception cref="EntityNotFoundException">No journal for that merge (never merged, already undone, or the survivor was deleted or erased).</exception>
    /// <exception cref="MergeConflictException">The survivor or a re-pointed record changed since the merge; nothing was written.</exception>
    /// <exception cref="AccessDeniedException">The actor may not merge either customer (nothing was written).</exception>
    Task UnmergeAsync(Guid mergeId, CancellationToken cancellationToken = default);
}
