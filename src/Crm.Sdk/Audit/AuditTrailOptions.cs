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

    /// <summary>How many entries between two calls of <see cref="ChainHeadCallback"/>: 1000 by default, at least 1 (else <c>AddAuditTrail</c> throws <see cref="CrmConfigurationException"/>).</summary>
    public int ChainHeadInterval { get; set; } = 1000;

    /// <summary>
    /// How long entries of reads (of personal data, under access control) may wait before they are written, so that many
    /// reads share one write: one second by default, after SQL Server Audit's <c>QUEUE_DELAY</c>. Each entry keeps the
    /// time of its read; pending entries are written before the audit trail is listed, streamed, verified or pruned, and
    /// when the SDK is disposed; a process that is killed loses at most this window of read entries. Changes and denied
    /// attempts never wait: they are written with the change, or before the denial is thrown.
    /// <see cref="TimeSpan.Zero"/> writes each read's entry before the read returns.
    /// </summary>
    public TimeSpan ReadEntryDelay { get; set; } = TimeSpan.FromSeconds(1);
}
