namespace Crm.Sdk.Encryption;

/// <summary>What <c>AddFieldEncryption</c> registered: the encrypted fields and where root keys come from.</summary>
/// <param name="EncryptedFields">The encrypted fields, <c>collection.field</c>.</param>
/// <param name="RootKeys">The root key provider.</param>
internal sealed record FieldEncryptionSetup(ISet<string> EncryptedFields, IRootKeyProvider RootKeys)
{
    /// <summary>Which legacy records are read (<see cref="FieldEncryptionOptions.LegacyRecords"/>).</summary>
    public LegacyRecordHandling LegacyRecords { get; init; } = LegacyRecordHandling.ReadVersion1Seals;

    /// <summary>What lists do with unreadable records (<see cref="FieldEncryptionOptions.UnreadableRecords"/>).</summary>
    public UnreadableRecordHandling UnreadableRecords { get; init; }

    /// <summary>Told of each skipped record (<see cref="FieldEncryptionOptions.UnreadableRecordSkipped"/>).</summary>
    public Action<CryptographicIntegrityException>? UnreadableRecordSkipped { get; init; }
}
