using System.Text;
using System.Text.Json;
using Crm.Sdk.Storage.Json;

namespace Crm.Sdk.Encryption;

/// <summary>
/// Seals and opens the personal fields of one record. A mapping writes each personal value through <see cref="Seal{T}"/>:
/// when the field is encrypted, the value is added to the record seal (one JSON object of every encrypted field, stored
/// encrypted once, as one envelope, under the document's <c>sealed</c> member: <see cref="Sealed"/>) and the plain member
/// is left empty; otherwise the value is returned as it is. In a collection with encrypted fields every record gets a
/// seal, an empty object when it has no encrypted value: the seal (version 2) also authenticates the record's
/// <see cref="RecordClaims"/>. Reading mirrors it with <see cref="Open{T}"/>: the first call decrypts the seal
/// (<see cref="OpenedSeal"/>), later ones read what it held. A seal whose data key was erased opens every field as
/// <see langword="default"/> and sets <see cref="IsErased"/>. A record that lacks its seal, or holds an encrypted field in
/// plaintext, is refused unless the host reads legacy records (<see cref="LegacyRecordHandling"/>; while version-1 records
/// are read, so is a record without a seal that holds no encrypted value, as Crm.Sdk 1.0 wrote it). See <c>FORMAT.md</c>,
/// "Record seal".
/// </summary>
internal sealed class RecordFields : IDisposable
{
    /// <summary>The field name a record seal is encrypted for: its field key and associated data name it.</summary>
    public const string SealedField = "sealed";

    private readonly FieldProtector _protector;
    private readonly string _collection;
    private readonly Guid _recordId;
    private readonly RecordClaims _claims;
    private readonly DataKey? _writeKey;
    private readonly string? _stored;
    private readonly bool _erasedRecord;

    private SealWriter? _writer;
    private bool _finished;
    private string? _sealed;
    private OpenedSeal? _opened;

    internal RecordFields(FieldProtector protector, string collection, Guid recordId, RecordClaims claims, DataKey? writeKey, string? stored, bool erasedRecord)
    {
        _protector = protector;
        _collection = collection;
        _recordId = recordId;
        _claims = claims;
        _writeKey = writeKey;
        _stored = stored;
        _erasedRecord = erasedRecord;
    }

    /// <summary>
    /// The record seal: the fields sealed so far, encrypted as one envelope (<c>ce2:...</c>), or <see langword="null"/>
    /// when the collection has no encrypted field (the document then has no <c>sealed</c> member). The first read
    /// finishes the seal; nothing can be sealed after it.
    /// </summary>
    public string? Sealed
    {
        get
        {
            if (!_finished)
            {
                if (_writer is null && _protector.HasEncryptedFields(_collection))
                {
                    _writer = Start(false, _writeKey, _collection, _recordId, SealedField);
                }

                var writer = _writer;
                _writer = null;
                _finished = true;
                _sealed = writer is null ? null : Finish(writer, Context(), _writeKey!);
            }

            return _sealed;
        }
    }

    /// <summary>Whether the record could not be opened because its customer was erased (its data key is gone).</summary>
    public bool IsErased => _opened is { IsErased: true };

    // The members below pass the record's fields, never the record itself, to what they call: for a record without
    // encrypted fields (encryption off) the JIT can then keep this object on the stack (measured: 80 to 96 bytes less
    // per record read or written).

    /// <summary>Seals a value when its field is encrypted; returns the value to store in the plain member (default when sealed).</summary>
    /// <exception cref="ArgumentException">A text value is not valid UTF-16 (a lone surrogate).</exception>
    /// <exception cref="InvalidOperationException">The seal was already finished, or no data key was prepared for the record.</exception>
    public T? Seal<T>(string field, T? value)
    {
        if (value is null || !_protector.IsEncrypted(_collection, field))
        {
            return value;
        }

        // The writer is kept before anything is written to it, so that Dispose zeroes it whatever fails.
        _writer ??= Start(_finished, _writeKey, _collection, _recordId, field);
        Append(_writer, _collection, _recordId, field, value);
        return default;
    }

    /// <summary>
    /// Opens a value: the one the record seal holds for the field; for a field that is not encrypted, or in a legacy record
    /// the host reads, the plain member.
    /// </summary>
    /// <exception cref="CryptographicIntegrityException">
    /// The seal is malformed, its key is unknown, or it fails authentication (altered, or the record's customer, owner,
    /// links or version changed since it was sealed); or the record lacks its seal, or holds the encrypted field in
    /// plaintext, and legacy records are refused.
    /// </exception>
    public T? Open<T>(string field, T? plain)
    {
        if (_stored is null)
        {
            return OpenUnsealed(field, plain);
        }

        var seal = _opened ??= OpenSeal();
        if (seal.IsErased)
        {
            return default;
        }

        // An encrypted field never has a plain member: one there was injected (or predates the field's encryption, which
        // only a legacy read accepts).
        if (plain is not null && _protector.IsEncrypted(_collection, field) && !_protector.ReadsUnsealedRecords)
        {
            throw Refused(CryptographicIntegrityFailure.PlaintextValue, field, $"it holds encrypted field '{field}' in plaintext, outside its seal");
        }

        return seal.TryGet(field, out T? value) ? value : plain;
    }

    /// <summary>Zeroes and gives back the seal buffer when the seal was never finished (a mapping that failed half-way).</summary>
    public void Dispose()
    {
        var writer = _writer;
        _writer = null;
        writer?.Dispose();
    }

    private OpenedSeal OpenSeal()
    {
        var seal = OpenedSeal.Open(_protector, Context(), _stored!);
        if (seal.Version == EnvelopeFormat.Version1 && !_protector.ReadsVersion1Seals)
        {
            throw Refused(CryptographicIntegrityFailure.MissingSeal, SealedField, "its seal is version 1, which binds neither its customer nor its version, and version-1 seals are refused (see LegacyRecordHandling)");
        }

        return seal;
    }

    private FieldContext Context() => new(_collection, _recordId, SealedField) { Claims = _claims };

    // A record without a seal: an erased record (its personal data is gone), a collection without encrypted fields, a
    // record Crm.Sdk 1.0 wrote without any encrypted value (it sealed only records that had one: a purchase or behaviour
    // event without subject), read while version-1 records are, or a legacy record written before encryption was switched
    // on, which is read only when the host says so.
    private T? OpenUnsealed<T>(string field, T? plain)
    {
        if (!_protector.HasEncryptedFields(_collection) || _protector.ReadsUnsealedRecords)
        {
            return plain;
        }

        if (_erasedRecord)
        {
            return _protector.IsEncrypted(_collection, field) ? default : plain;
        }

        if (_protector.ReadsVersion1Seals && (plain is null || !_protector.IsEncrypted(_collection, field)))
        {
            return plain;
        }

        throw Refused(CryptographicIntegrityFailure.MissingSeal, SealedField, _protector.ReadsVersion1Seals
            ? $"it has no seal and holds encrypted field '{field}' in plaintext (the seal was removed, or the record was written before encryption was switched on: see LegacyRecordHandling)"
            : "it has no seal although its collection has encrypted fields (the seal was removed, or the record was written before encryption was switched on, or by Crm.Sdk 1.0 without an encrypted value: see LegacyRecordHandling)");
    }

    private CryptographicIntegrityException Refused(CryptographicIntegrityFailure failure, string field, string why) =>
        new(failure, $"The {_collection} record {_recordId} was refused: {why}. No plaintext was returned.")
        {
            Collection = _collection,
            RecordId = _recordId,
            Field = field,
        };
    private static SealWriter Start(bool finished, DataKey? key, string collection, Guid recordId, string field)
    {
        if (finished)
        {
            throw new InvalidOperationException($"The seal of {collection} record {recordId} was already finished; field '{field}' cannot be added to it.");
        }

        if (key is null)
        {
            throw new InvalidOperationException($"No data key was prepared for {collection} record {recordId}.");
        }

        var writer = SealWriter.Rent();
        writer.Json.WriteStartObject();
        return writer;
    }

    private static void Append<T>(SealWriter writer, string collection, Guid recordId, string field, T value)
    {
        if (value is string text)
        {
            // The JSON writer would replace a lone surrogate with U+FFFD; a value must round-trip exactly or be refused.
            if (text.AsSpan().ContainsAnyInRange('\uD800', '\uDFFF') && !IsValidUtf16(text))
            {
                throw new ArgumentException($"The value of field '{field}' of {collection} record {recordId} is not valid UTF-16 text (it holds a lone surrogate) and cannot be encrypted.", nameof(value));
            }

            writer.Json.WriteString(field, text);
        }
        else
        {
            writer.Json.WritePropertyName(field);
            JsonSerializer.Serialize(writer.Json, value, CrmJson.Options);
        }
    }

    private static bool IsValidUtf16(string text)
    {
        try
        {
            _ = CryptoEncoding.StrictUtf8.GetByteCount(text);
            return true;
        }
        catch (EncoderFallbackException)
        {
            return false;
        }
    }

    private static string Finish(SealWriter writer, FieldContext context, DataKey key)
    {
        try
        {
            writer.Json.WriteEndObject();
            writer.Json.Flush();
            return FieldCipher.Encrypt(writer.Written, context, key);
        }
        finally
        {
            writer.Dispose();
        }
    }
}
