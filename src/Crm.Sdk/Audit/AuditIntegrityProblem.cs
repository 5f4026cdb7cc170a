namespace Crm.Sdk.Audit;

/// <summary>What <see cref="IAuditTrail.VerifyAsync"/> found wrong with the first bad entry.</summary>
public enum AuditIntegrityProblem
{
    /// <summary>The entry's content no longer matches its hash, or the entry that follows it no longer links to it.</summary>
    Changed = 1,

    /// <summary>The entry is missing: the chain jumps over its sequence number, or ends before the chain head.</summary>
    Removed = 2,

    /// <summary>An entry that was never appended: a repeated sequence number, or an entry after the chain head.</summary>
    Inserted = 3,

    /// <summary>The entry is stored at another position of the chain than the one its (hashed) sequence number says.</summary>
    Reordered = 4,
}
