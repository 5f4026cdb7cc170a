namespace Crm.Sdk;

/// <summary>
/// Thrown when a write would create a second record with a value that must be unique
/// (a record id, or an external id of the same source). Nothing was written.
/// </summary>
public sealed class DuplicateKeyException : CrmException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="entityType">The kind of record.</param>
    /// <param name="key">The name of the unique key, for example <c>id</c> or <c>external_ids</c>.</param>
    /// <param name="value">The duplicated value.</param>
    /// <param name="innerException">The provider's exception, if any.</param>
    public DuplicateKeyException(string entityType, string key, string value, Exception? innerException = null)
        : base($"{entityType} already has a record with {key} '{value}'; it must be unique.", innerException)
    {
        EntityType = entityType;
        Key = key;
        Value = value;
    }

    /// <summary>The kind of record.</summary>
    public string EntityType { get; }

    /// <summary>The name of the unique key.</summary>
    public string Key { get; }

    /// <summary>The duplicated value.</summary>
    public string Value { get; }
}
