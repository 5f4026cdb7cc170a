namespace Crm.Sdk.Audit;

/// <summary>The result of <see cref="IAuditTrail.VerifyAsync"/>.</summary>
/// <param name="EntriesChecked">How many entries were read.</param>
/// <param name="Head">The chain head the database holds (compare it with one anchored outside).</param>
/// <param name="FirstBadSequence">The sequence number of the first bad entry, or <see langword="null"/> when the chain is intact.</param>
/// <param name="Problem">What is wrong with it, or <see langword="null"/> when the chain is intact.</param>
/// <param name="Message">A sentence describing the problem, or <see langword="null"/>.</param>
public sealed record AuditVerification(long EntriesChecked, AuditChainHead Head, long? FirstBadSequence, AuditIntegrityProblem? Problem, string? Message)
{
    /// <summary>Whether every entry from the prune point to the head is as it was appended.</summary>
    public bool IsIntact => Problem is null;
}
