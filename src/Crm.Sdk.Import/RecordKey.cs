namespace Crm.Sdk.Import;

/// <summary>What identifies a row's customer: the <c>key</c> object of a mapping file.</summary>
public sealed class RecordKey
{
    /// <summary>The kind of key (default <see cref="RecordKeyKind.ExternalId"/>).</summary>
    public RecordKeyKind By { get; set; } = RecordKeyKind.ExternalId;

    /// <summary>The external id's source system (for <see cref="RecordKeyKind.ExternalId"/>), for example <c>erp</c>.</summary>
    public string? Source { get; set; }

    /// <summary>Where the key's value comes from.</summary>
    public FieldSource? Value { get; set; }
}
