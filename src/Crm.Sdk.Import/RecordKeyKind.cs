namespace Crm.Sdk.Import;

/// <summary>How a row's customer is identified.</summary>
public enum RecordKeyKind
{
    /// <summary>By an external id (<see cref="RecordKey.Source"/> and the key column's value).</summary>
    ExternalId = 1,

    /// <summary>By email address (normalized by the SDK's rules).</summary>
    Email = 2,

    /// <summary>By phone number (normalized to E.164 by the SDK's rules).</summary>
    Phone = 3,
}
