namespace Crm.Sdk.Encryption;

/// <summary>
/// Options of field-level encryption when the root keys come from configuration (<see cref="OptionsRootKeyProvider"/>).
/// Bind them from a secret store, never from a file checked into source control.
/// </summary>
public sealed class FieldEncryptionOptions
{
    /// <summary>Every root key still in use: the current one and, during a rotation, the older ones.</summary>
    public IList<RootKeyOptions> RootKeys { get; } = [];

    /// <summary>
    /// The id of the key that protects new data. May be left empty when <see cref="RootKeys"/> holds exactly one key.
    /// </summary>
    public string? CurrentRootKeyId { get; set; }

    /// <summary>
    /// The fields encrypted, named <c>collection.field</c> (see <see cref="EncryptableField.Names"/>). Starts with every field
    /// that is <see cref="EncryptableField.EncryptedByDefault"/>; add or remove names to change it. What is never encrypted:
    /// ids, versions, timestamps, kinds, stages, statuses, priorities, amounts and currencies, ratings, tags, owners,
    /// assignees and external ids — the values the SDK indexes and aggregates in the database.
    /// </summary>
    public ISet<string> EncryptedFields { get; } =
        new HashSet<string>(EncryptableField.All.Where(f => f.EncryptedByDefault).Select(f => f.Name), StringComparer.Ordinal);

    /// <summary>
    /// Which records written before the current format are read; default <see cref="LegacyRecordHandling.ReadVersion1Seals"/>.
    /// A record the setting does not allow is refused with a <see cref="CryptographicIntegrityException"/>.
    /// </summary>
    public LegacyRecordHandling LegacyRecords { get; set; } = LegacyRecordHandling.ReadVersion1Seals;

    /// <summary>
    /// What lists and streams do with a record that fails its integrity check; default
    /// <see cref="UnreadableRecordHandling.Throw"/> (fail closed). Reading one record by id always throws.
    /// </summary>
    public UnreadableRecordHandling UnreadableRecords { get; set; } = UnreadableRecordHandling.Throw;

    /// <summary>
    /// Called for each record a list or stream skips (<see cref="UnreadableRecordHandling.Skip"/>), with the error naming it,
    /// after it was logged as a warning and counted by the <c>crm.encryption.unreadable_records</c> metric. Must not throw.
    /// </summary>
    public Action<CryptographicIntegrityException>? UnreadableRecordSkipped { get; set; }
}
