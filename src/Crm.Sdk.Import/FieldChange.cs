namespace Crm.Sdk.Import;

/// <summary>One field a row creates or changes: the dry run's per-record diff.</summary>
/// <param name="Field">The CRM field (the mapping's name for it).</param>
/// <param name="Before">The stored value, or null for a new record or an empty field.</param>
/// <param name="After">The value the row gives.</param>
public sealed record FieldChange(string Field, string? Before, string? After);
