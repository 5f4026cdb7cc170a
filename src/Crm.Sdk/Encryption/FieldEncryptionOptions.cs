namespace Crm.Sdk.Encryption;

/// <summary>
/// Options of field-level encryption: the root keys (when they come from configuration, <see cref="OptionsRootKeyProvider"/>),
/// the blind-index keys and lengths, and the encrypted fields. Bind them from a secret store, never from a file checked
/// into source control.
/// </summary>
public sealed class FieldEncryptionOptions
{
    /// <summary>The default of <see cref="EmailBlindIndexBits"/>: 32.</summary>
    public const int DefaultEmailBlindIndexBits = 32;

    /// <summary>The default of <see cref="PhoneBlindIndexBits"/>: 32.</summary>
    public const int DefaultPhoneBlindIndexBits = 32;

    /// <summary>The default of <see cref="NamePrefixBlindIndexBits"/>: 24.</summary>
    public const int DefaultNamePrefixBlindIndexBits = 24;

    /// <summary>The shortest blind index allowed: 16 bits.</summary>
    public const int MinBlindIndexBits = 16;

    /// <summary>The longest blind index allowed: 128 bits.</summary>
    public const int MaxBlindIndexBits = 128;

    /// <summary>
    /// Every root key still in use: the current one and, during a rotation, the older ones. Root keys wrap the customers'
    /// data keys (AES key wrap, RFC 5649). Leave empty when the host registers its own
    /// <see cref="IKeyEncryptionKeyProvider"/> (a KMS or HSM).
    /// </summary>
    public IList<RootKeyOptions> RootKeys { get; } = [];

    /// <summary>
    /// The id of the key that protects new data. May be left empty when <see cref="RootKeys"/> holds exactly one key.
    /// </summary>
    public string? CurrentRootKeyId { get; set; }

    /// <summary>
    /// The keys of the blind indexes (the searchable tokens of encrypted emails, phones and name prefixes): the current one
    /// and, during a rotation, the older ones. Required with a host <see cref="IKeyEncryptionKeyProvider"/>. When empty, a
    /// key derived from the current root key serves: a legacy configuration with 128-bit indexes (see the field encryption
    /// article), kept for databases created before version 2.
    /// </summary>
    public IList<BlindIndexKeyOptions> BlindIndexKeys { get; } = [];

    /// <summary>The id of the blind-index key that indexes new values. May be left empty when <see cref="BlindIndexKeys"/> holds exactly one key.</summary>
    public string? CurrentBlindIndexKeyId { get; set; }

    /// <summary>
    /// The length of e-mail blind indexes, in bits: a multiple of 8 from <see cref="MinBlindIndexBits"/> to
    /// <see cref="MaxBlindIndexBits"/>. Shorter reveals less (more addresses share an index) and costs more false matches,
    /// which are decrypted and dropped: n / 2^bits per lookup among n stored addresses. Default 32. Applies with
    /// <see cref="BlindIndexKeys"/>; after a change, run <see cref="IEncryptionMaintenance.RefreshBlindIndexesAsync"/>.
    /// </summary>
    public int EmailBlindIndexBits { get; set; } = DefaultEmailBlindIndexBits;

    /// <summary>The length of phone blind indexes, in bits; as <see cref="EmailBlindIndexBits"/>. Default 32.</summary>
    public int PhoneBlindIndexBits { get; set; } = DefaultPhoneBlindIndexBits;

    /// <summary>
    /// The length of name-prefix blind indexes (encrypted name search), in bits; as <see cref="EmailBlindIndexBits"/>.
    /// Default 24: a customer stores some ten to twenty prefixes and a prefix search returns many customers anyway.
    /// </summary>
    public int NamePrefixBlindIndexBits { get; set; } = DefaultNamePrefixBlindIndexBits;

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
