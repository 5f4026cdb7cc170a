using System.Text.Json;
using Crm.Sdk.Storage.Json;

namespace Crm.Sdk.Encryption;

/// <summary>
/// Seals and opens the personal fields of one record. A mapping writes each personal value through <see cref="Seal{T}"/>:
/// when the field is encrypted, the value goes into <see cref="Sealed"/> as an envelope (stored under the document's
/// <c>sealed</c> member) and the plain member is left empty; otherwise the value is returned as it is. Reading mirrors it
/// with <see cref="Open{T}"/>. A value whose data key was erased opens as <see langword="default"/> and sets
/// <see cref="IsErased"/>.
/// </summary>
internal sealed class RecordFields
{
    private readonly FieldProtector _protector;
    private readonly string _collection;
    private readonly Guid _recordId;
    private readonly DataKey? _writeKey;
    private readonly IReadOnlyDictionary<string, string>? _stored;
    private Dictionary<string, string>? _sealed;

    internal RecordFields(FieldProtector protector, string collection, Guid recordId, DataKey? writeKey, IReadOnlyDictionary<string, string>? stored)
    {
        _protector = protector;
        _collection = collection;
        _recordId = recordId;
        _writeKey = writeKey;
        _stored = stored;
    }

    /// <summary>The envelopes written so far, by field; <see langword="null"/> when none (the document then has no <c>sealed</c> member).</summary>
    public Dictionary<string, string>? Sealed => _sealed;

    /// <summary>Whether a value could not be opened because its customer was erased (its data key is gone).</summary>
    public bool IsErased { get; private set; }

    /// <summary>Seals a value when its field is encrypted; returns the value to store in the plain member (default when sealed).</summary>
    public T? Seal<T>(string field, T? value)
    {
        if (value is null || !_protector.IsEncrypted(_collection, field))
        {
            return value;
        }

        var key = _writeKey ?? throw new InvalidOperationException($"No data key was prepared for {_collection} record {_recordId}.");
        var plaintext = value as string ?? JsonSerializer.Serialize(value, CrmJson.Options);
        (_sealed ??= new(StringComparer.Ordinal))[field] = FieldCipher.Encrypt(plaintext, new FieldContext(_collection, _recordId, field), key);
        return default;
    }

    /// <summary>Opens a value: the envelope stored for the field if there is one, else the plain member.</summary>
    public T? Open<T>(string field, T? plain)
    {
        if (_stored is null || !_stored.TryGetValue(field, out var envelope))
        {
            return plain;
        }

        // Once any customer was erased, every value is checked first; only the header is decoded for it (the full
        // envelope is decoded once, by the decryption).
        if (_protector.HasErasedKeys && EnvelopeScanner.TryReadKeyId(envelope, out var keyId) && _protector.IsErasedKey(keyId))
        {
            IsErased = true;
            return default;
        }

        var plaintext = FieldCipher.Decrypt(envelope, new FieldContext(_collection, _recordId, field), _protector.KeyFinder);
        return typeof(T) == typeof(string) ? (T)(object)plaintext : JsonSerializer.Deserialize<T>(plaintext, CrmJson.Options);
    }
}
