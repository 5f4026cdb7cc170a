namespace Crm.Sdk;

/// <summary>How far a data upgrade got (see <see cref="ICrmDataUpgrades"/>), counted over all its runs so far.</summary>
/// <param name="Upgrade">The upgrade, for example <c>phones-libphonenumber</c>.</param>
/// <param name="Examined">Records looked at so far.</param>
/// <param name="Changed">Records rewritten so far.</param>
/// <param name="Kept">Values that could not be upgraded and were kept exactly as stored (they stay findable).</param>
/// <param name="IsComplete">Whether the upgrade has gone through every record.</param>
public sealed record DataUpgradeProgress(string Upgrade, long Examined, long Changed, long Kept, bool IsComplete);
