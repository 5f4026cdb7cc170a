namespace Crm.Sdk.Encryption;

/// <summary>How far a key-maintenance operation got.</summary>
/// <param name="Operation">The operation, for example <c>rewrap-data-keys</c>.</param>
/// <param name="Examined">Records looked at so far.</param>
/// <param name="Changed">Records changed so far.</param>
public sealed record MaintenanceProgress(string Operation, long Examined, long Changed);
