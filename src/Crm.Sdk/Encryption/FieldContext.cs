namespace Crm.Sdk.Encryption;

/// <summary>
/// Where an encrypted value lives: its collection (aggregate type), record id and field. Bound to the ciphertext as
/// associated data and used to derive the field key, so a value copied elsewhere fails to decrypt; a version-2 envelope
/// also binds the record's <see cref="Claims"/>.
/// </summary>
internal sealed record FieldContext
{
    /// <summary>Creates the context.</summary>
    /// <param name="collection">The collection (aggregate type), for example <c>customers</c>.</param>
    /// <param name="recordId">The id of the record that owns the value.</param>
    /// <param name="field">The field path, for example <c>emails</c> or <c>addresses.street</c>.</param>
    public FieldContext(string collection, Guid recordId, string field)
    {
        ArgumentException.ThrowIfNullOrEmpty(collection);
        ArgumentException.ThrowIfNullOrEmpty(field);
        if (recordId == Guid.Empty)
        {
            throw new ArgumentException("The record id must not be empty.", nameof(recordId));
        }

        Collection = collection;
        RecordId = recordId;
        Field = field;
    }

    /// <summary>The collection (aggregate type).</summary>
    public string Collection { get; }

    /// <summary>The id of the record that owns the value.</summary>
    public Guid RecordId { get; }

    /// <summary>The field path.</summary>
    public string Field { get; }

    /// <summary>What the record claims (version, customer, owner, links): bound by a version-2 envelope, <see langword="null"/> for version 1.</summary>
    public RecordClaims? Claims { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"field '{Field}' of {Collection} record {RecordId}";
}
