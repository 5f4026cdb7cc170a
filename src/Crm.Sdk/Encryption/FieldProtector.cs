using System.Collections.Frozen;

namespace Crm.Sdk.Encryption;

/// <summary>
/// What the document mappings use to keep personal data out of the database: which fields are encrypted, the data keys
/// of the records being written, a key lookup for reading, and blind indexes for searchable fields.
/// <see cref="Plain"/> encrypts nothing (field encryption not configured).
/// </summary>
internal sealed class FieldProtector
{
    // Longest "collection.field" name looked up without allocating; longer names (none today) build the string.
    private const int MaxStackName = 128;

    private readonly FrozenSet<string>? _encryptedFields;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _encryptedByName;
    private readonly FrozenSet<string>? _collectionsWithEncryptedFields;
    private readonly IReadOnlyDictionary<Guid, DataKey>? _writeKeys;
    private readonly DataKeyRing? _keys;
    private readonly BlindIndexer? _blindIndexer;
    private readonly LegacyRecordHandling _legacy;

    private FieldProtector(FrozenSet<string>? encryptedFields, IReadOnlyDictionary<Guid, DataKey>? writeKeys, DataKeyRing? keys, BlindIndexer? blindIndexer, LegacyRecordHandling legacy)
    {
        _legacy = legacy;
        _encryptedFields = encryptedFields;
        if (encryptedFields is not null)
        {
            // Asked for every personal value written (and every record): looked up without building "collection.field".
            _encryptedByName = encryptedFields.GetAlternateLookup<ReadOnlySpan<char>>();
            _collectionsWithEncryptedFields = encryptedFields
                .Where(f => f.IndexOf('.', StringComparison.Ordinal) > 0)
                .Select(f => f[..f.IndexOf('.', StringComparison.Ordinal)])
                .ToFrozenSet(StringComparer.Ordinal);
        }

        _writeKeys = writeKeys;
        _keys = keys;
        _blindIndexer = blindIndexer;
        KeyFinder = FindKey;
    }

    /// <summary>Encrypts nothing and indexes searchable values in clear.</summary>
    public static FieldProtector Plain { get; } = new(null, null, null, null, LegacyRecordHandling.ReadUnsealedRecords);

    /// <summary>Whether any field is encrypted.</summary>
    public bool IsEnabled => _encryptedFields is not null;

    /// <summary>A protector for reading (keys come from the key ring).</summary>
    public static FieldProtector ForReading(ISet<string> encryptedFields, DataKeyRing keys, BlindIndexer blindIndexer, LegacyRecordHandling legacy) =>
        new(encryptedFields.ToFrozenSet(StringComparer.Ordinal), null, keys, blindIndexer, legacy);

    /// <summary>A protector for writing, with the data key of each customer whose records are written.</summary>
    public FieldProtector WithWriteKeys(IReadOnlyDictionary<Guid, DataKey> writeKeys) =>
        new(_encryptedFields, writeKeys, _keys, _blindIndexer, _legacy);

    /// <summary>Whether records without a seal, or with encrypted fields in plaintext, are read (legacy records, <see cref="LegacyRecordHandling.ReadUnsealedRecords"/>).</summary>
    public bool ReadsUnsealedRecords => _legacy == LegacyRecordHandling.ReadUnsealedRecords;

    /// <summary>Whether version-1 seals are read.</summary>
    public bool ReadsVersion1Seals => _legacy != LegacyRecordHandling.Refuse;

    /// <summary>Whether <paramref name="field"/> of <paramref name="collection"/> is encrypted.</summary>
    public bool IsEncrypted(string collection, string field)
    {
        if (_encryptedFields is null)
        {
            return false;
        }

        var length = collection.Length + 1 + field.Length;
        if (length > MaxStackName)
        {
            return _encryptedFields.Contains(collection + "." + field);
        }

        Span<char> name = stackalloc char[MaxStackName];
        collection.CopyTo(name);
        name[collection.Length] = '.';
        field.CopyTo(name[(collection.Length + 1)..]);
        return _encryptedByName.Contains(name[..length]);
    }

    /// <summary>Whether any field of <paramref name="collection"/> is encrypted (its records then need their customer's data key).</summary>
    public bool HasEncryptedFields(string collection) =>
        _collectionsWithEncryptedFields is not null && _collectionsWithEncryptedFields.Contains(collection);

    /// <summary>
    /// The sealer/opener of one record: <paramref name="claims"/> name the customer whose data key protects it and what the
    /// seal binds; <paramref name="sealedEnvelope"/> is the record seal read from its document (its <c>sealed</c> member),
    /// if any, <paramref name="erasedRecord"/> whether the document says it was erased, and <paramref name="requiredField"/>
    /// a field every record holds (a record whose required field is encrypted was sealed by every format version).
    /// </summary>
    public RecordFields ForRecord(string collection, Guid recordId, RecordClaims claims, string? sealedEnvelope = null, bool erasedRecord = false, string? requiredField = null) =>
        new(this, collection, recordId, claims, _writeKeys?.GetValueOrDefault(claims.CustomerId), sealedEnvelope, erasedRecord, requiredField);

    /// <summary>
    /// The index value of a searchable field: a blind index (keyed HMAC of the normalized value) when the field is encrypted,
    /// else the normalized value itself.
    /// </summary>
    public string IndexValue(string collection, string field, string normalizedValue) =>
        IsEncrypted(collection, field) ? _blindIndexer!.Compute(collection + "/" + field, normalizedValue) : normalizedValue;

    /// <summary>The values to look a searchable field up by: during a key rotation, the blind index under every live key.</summary>
    /// <remarks>While unsealed records are read (<see cref="LegacyRecordHandling.ReadUnsealedRecords"/>), the value itself is
    /// looked up too: records written before encryption was switched on are indexed by it until they are re-encrypted.</remarks>
    public IReadOnlyList<string> LookupValues(string collection, string field, string normalizedValue) =>
        !IsEncrypted(collection, field) ? [normalizedValue]
        : ReadsUnsealedRecords ? [.. _blindIndexer!.ComputeAll(collection + "/" + field, normalizedValue), normalizedValue]
        : _blindIndexer!.ComputeAll(collection + "/" + field, normalizedValue);

    /// <summary>The id of the blind-index key new index values are computed with, or <see langword="null"/> without encryption.</summary>
    public string? BlindIndexKeyId => _blindIndexer?.CurrentKeyId;

    /// <summary>The form new index values are computed in (<see cref="BlindIndexForm"/>), or <see langword="null"/> without encryption.</summary>
    public BlindIndexForm? BlindIndexForm => _blindIndexer?.Current;

    internal DataKey? FindKey(Guid keyId) => _keys?.Find(keyId);

    /// <summary><see cref="FindKey"/> as a delegate, made once (not once per value read).</summary>
    internal Func<Guid, DataKey?> KeyFinder { get; }

    internal bool IsErasedKey(Guid keyId) => _keys?.IsErased(keyId) ?? false;

    internal bool HasErasedKeys => _keys?.HasErasedKeys ?? false;
}
