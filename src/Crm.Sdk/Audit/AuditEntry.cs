using Crm.Sdk.Security;
using NodaTime;

namespace Crm.Sdk.Audit;

/// <summary>
/// One entry of the audit trail. It names who did what to which records, when and with what outcome, and the names of the
/// changed fields: never a personal value. <see cref="Hash"/> is the SHA-256 of the entry's canonical encoding (see
/// <see cref="IAuditTrail"/>), which includes <see cref="PreviousHash"/>: the entries form a hash chain.
/// </summary>
/// <param name="Id">The entry's document id.</param>
/// <param name="Sequence">Its position in the chain: 1, 2, 3, … without gaps.</param>
/// <param name="At">When it was written.</param>
/// <param name="ActorId">The acting user's id, <c>system</c> for the system actor, or <c>(none)</c> when no actor was set.</param>
/// <param name="Action">What was done or attempted.</param>
/// <param name="Resource">The kind of record.</param>
/// <param name="Outcome">Whether it was allowed.</param>
/// <param name="RecordIds">The records concerned (none for a list denied or a prune).</param>
/// <param name="Fields">For an update: what changed (the names of the domain events the change raised); empty otherwise.</param>
/// <param name="PreviousHash">The hash of the entry before it (64 zeros for the first entry).</param>
/// <param name="Hash">The entry's own hash, lower-case hex.</param>
public sealed record AuditEntry(
    Guid Id,
    long Sequence,
    Instant At,
    string ActorId,
    AuditAction Action,
    CrmResource Resource,
    AuditOutcome Outcome,
    IReadOnlyList<Guid> RecordIds,
    IReadOnlyList<string> Fields,
    string PreviousHash,
    string Hash);
