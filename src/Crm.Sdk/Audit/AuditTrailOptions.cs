namespace Crm.Sdk.Audit;

/// <summary>Options of the audit trail, set in <c>AddAuditTrail</c>.</summary>
public sealed class AuditTrailOptions
{
    /// <summary>
    /// Called with the new chain head after a commit moves the head past a multiple of <see cref="ChainHeadInterval"/>
    /// entries, and after every verification, so the host can anchor it outside the database. It runs on the committing
    /// call's thread after the commit: keep it short; an exception it throws is swallowed. <see langword="null"/> by default.
    /// </summary>
    public Action<AuditChainHead>? ChainHeadCallback { get; set; }

    /// <summary>How many entries between two calls of <see cref="ChainHeadCallback"/>: 1000 by default, at least 1.</summary>
    public int ChainHeadInterval { get; set; } = 1000;
}
