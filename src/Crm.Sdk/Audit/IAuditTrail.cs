using NodaTime;

namespace Crm.Sdk.Audit;

/// <summary>
/// The tamper-evident audit trail, registered by <c>AddAuditTrail()</c>: every change (create, update with the names of what
/// changed, delete, erase), every read of personal data and export when access control is on, and every denied attempt.
/// Entries are written in the same transaction as the change they record (a rolled-back change leaves none) and are
/// hash-chained.
/// </summary>
/// <remarks>
/// <para>Canonical encoding (version 1) hashed with SHA-256 into <see cref="AuditEntry.Hash"/>: the concatenation of, in
/// order, the text <c>crm.audit.v1</c>, <see cref="AuditEntry.Sequence"/> (8 bytes, big-endian), <see cref="AuditEntry.At"/>
/// (Unix ticks, 8 bytes, big-endian), <see cref="AuditEntry.ActorId"/>, the names of <see cref="AuditEntry.Action"/>,
/// <see cref="AuditEntry.Resource"/> and <see cref="AuditEntry.Outcome"/>, the count of <see cref="AuditEntry.RecordIds"/>
/// (4 bytes, big-endian) then each id (text, 32 lower-case hex digits with hyphens), the count of
/// <see cref="AuditEntry.Fields"/> then each name, and <see cref="AuditEntry.PreviousHash"/>; every text is its UTF-8 byte
/// length (4 bytes, big-endian) followed by its UTF-8 bytes. The hash is written as 64 lower-case hex digits.</para>
/// <para>The hash is not keyed: whoever can write the database can recompute a whole chain. Anchor the chain head outside the
/// database (<see cref="AuditTrailOptions.ChainHeadCallback"/>) and compare it with <see cref="AuditVerification.Head"/>.</para>
/// <para>Reading the trail needs <c>audit.read</c>, exporting it <c>audit.export</c>, pruning it <c>audit.administer</c>.</para>
/// </remarks>
public interface IAuditTrail
{
    /// <summary>Lists entries matching a filter, oldest first, one page at a time.</summary>
    /// <param name="filter">The conditions.</param>
    /// <param name="page">The page size and continuation token.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page.</returns>
    /// <exception cref="Security.AccessDeniedException">The actor may not read the audit trail.</exception>
    Task<Page<AuditEntry>> ListAsync(AuditFilter filter, PageRequest page, CancellationToken cancellationToken = default);

    /// <summary>Streams every entry matching a filter, oldest first, for an auditor's export; the export itself is audited.</summary>
    /// <param name="filter">The conditions.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The entries.</returns>
    /// <exception cref="Security.AccessDeniedException">The actor may not export the audit trail.</exception>
    IAsyncEnumerable<AuditEntry> StreamAsync(AuditFilter filter, CancellationToken cancellationToken = default);

    /// <summary>
    /// Walks the chain from the prune point to the head and reports the first entry that was changed, removed, inserted or
    /// reordered, then hands the head to <see cref="AuditTrailOptions.ChainHeadCallback"/>.
    /// </summary>
    /// <param name="progress">Receives the number of entries checked so far, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the walk.</param>
    /// <returns>The result.</returns>
    /// <exception cref="Security.AccessDeniedException">The actor may not read the audit trail.</exception>
    Task<AuditVerification> VerifyAsync(IProgress<long>? progress = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes the oldest entries, those before the first entry written at or after <paramref name="before"/>, and records
    /// the prune as an entry. The last pruned entry's sequence and hash are kept as the chain's anchor, so the rest stays
    /// verifiable.
    /// </summary>
    /// <param name="before">Entries written before this instant go (up to the first one written at or after it).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>How many entries were deleted.</returns>
    /// <exception cref="Security.AccessDeniedException">The actor may not administer the audit trail.</exception>
    Task<long> PruneAsync(Instant before, CancellationToken cancellationToken = default);
}
