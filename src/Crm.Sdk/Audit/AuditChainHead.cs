using NodaTime;

namespace Crm.Sdk.Audit;

/// <summary>
/// The last entry of the audit chain: its sequence number and hash. A host that keeps these outside the database (a log
/// service, a write-once store) can later prove that the chain up to them was not rewritten.
/// </summary>
/// <param name="Sequence">The sequence number of the last entry (0 for an empty chain).</param>
/// <param name="Hash">Its SHA-256 hash, lower-case hex (64 zeros for an empty chain).</param>
/// <param name="At">When the last entry was written, or <see langword="null"/> for an empty chain.</param>
public sealed record AuditChainHead(long Sequence, string Hash, Instant? At);
