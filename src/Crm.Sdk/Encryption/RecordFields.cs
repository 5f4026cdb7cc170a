using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Crm.Sdk.Storage.Json;

namespace Crm.Sdk.Encryption;

/// <summary>
/// Seals and opens the personal fields of one record. A mapping writes each personal value through <see cref="Seal{T}"/>:
/// when the field is encrypted, the value is added to the record seal (one JSON object of every encrypted field, stored
/// encrypted once, as one envelope, under the document's <c>sealed</c> member: <see cref="Sealed"/>) and the plain member
/// is left empty; otherwise the value is returned as it is. Reading mirrors it with <see cref="Open{T}"/>: the first call
/// decrypts the seal, later ones read what it held. A seal whose data key was erased opens every field as
/// <see langword="default"/> and sets <see cref="IsErased"/>. See <c>FORMAT.md</c>, "Record seal".
/// </summary>
internal sealed class RecordFields : IDisposable
{
    /// <summary>The field name a record seal is encrypted for: its field key and associated data name it.</summary>
    public const string SealedField = "sealed";

    private readonly FieldProtector _protector;
    private readonly string _collection;
    private readonly Guid _recordId;
    private readonly DataKey? _writeKey;
    private readonly string? _stored;

    private SealWriter? _writer;
    private bool _finished;
    private string? _sealed;
    private List<OpenedField>? _opened;

    internal RecordFields(FieldProtector protector, string collection, Guid recordId, DataKey? writeKey, string? stored)
    {
        _protector = protector;
        _collection = collection;
        _recordId = recordId;
        _writeKey = writeKey;
        _stored = stored;
    }

    /// <summary>
    /// The record seal: the fields sealed so far, encrypted as one envelope (<c>ce1:...</c>), or <see langword="null"/>
    /// when none was (the document then has no <c>sealed</c> member). The first read finishes the seal; nothing can be
    /// sealed after it.
    /// </summary>
    public string? Sealed
    {
        get
        {
            if (!_finished)
            {
                _sealed = Finish();
                _finished = true;
            }

            return _sealed;
        }
    }

    /// <summary>Whether the record could not be opened because its customer was erased (its data key is gone).</summary>
    public bool IsErased { get; private set; }

    /// <summary>Seals a value when its field is encrypted; returns the value to store in the plain member (default when sealed).</summary>
    /// <exception cref="ArgumentException">A text value is not valid UTF-16 (a lone surrogate).</exception>
    /// <exception cref="InvalidOperationException">The seal was already finished, or no data key was prepared for the record.</exception>
    public T? Seal<T>(string field, T? value)
    {
        if (value is null || !_protector.IsEncrypted(_collection, field))
        {
            return value;
        }

        if (_finished)
        {
            throw new InvalidOperationException($"The seal of {_collection} record {_recordId} was already finished; field '{field}' cannot be added to it.");
        }

        if (_writeKey is null)
        {
            throw new InvalidOperationException($"No data key was prepared for {_collection} record {_recordId}.");
        }

        if (_writer is null)
        {
            _writer = SealWriter.Rent();
            _writer.Json.WriteStartObject();
        }

        var json = _writer.Json;
        if (value is string text)
        {
            // The JSON writer would replace a lone surrogate with U+FFFD; a value must round-trip exactly or be refused.
            if (text.AsSpan().ContainsAnyInRange('\uD800', '\uDFFF') && !IsValidUtf16(text))
            {
                throw new ArgumentException($"The value of field '{field}' of {_collection} record {_recordId} is not valid UTF-16 text (it holds a lone surrogate) and cannot be encrypted.", nameof(value));
            }

            json.WriteString(field, text);
        }
        else
        {
            json.WritePropertyName(field);
            JsonSerializer.Serialize(json, value, CrmJson.Options);
        }

        return default;
    }

    /// <summary>Opens a value: the one the record seal holds for the field if there is one, else the plain member.</summary>
    /// <exception cref="CryptographicIntegrityException">The seal is malformed, its key is unknown, or it fails authentication.</exception>
    public T? Open<T>(string field, T? plain)
    {
        if (_stored is null)
        {
            return plain;
        }

        if (!EnsureOpened())
        {
            return default;
        }

        foreach (var opened in _opened!)
        {
            if (string.Equals(opened.Name, field, StringComparison.Ordinal))
            {
                return Read<T>(opened);
            }
        }

        return plain;
    }

    /// <summary>Zeroes and gives back the seal buffer when the seal was never finished (a mapping that failed half-way).</summary>
    public void Dispose()
    {
        _writer?.Dispose();
        _writer = null;
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

    private string? Finish()
    {
        if (_writer is not { } writer)
        {
            return null;
        }

        try
        {
            writer.Json.WriteEndObject();
            writer.Json.Flush();
            return FieldCipher.Encrypt(writer.Written, new FieldContext(_collection, _recordId, SealedField), _writeKey!);
        }
        finally
        {
            _writer = null;
            writer.Dispose();
        }
    }

    // Decrypts the seal once (false when its data key was erased), keeps what it holds, and zeroes the plaintext bytes.
    private bool EnsureOpened()
    {
        if (_opened is not null)
        {
            return true;
        }

        if (IsErased)
        {
            return false;
        }

        var envelope = _stored!;

        // Once any customer was erased, the seal is checked first; only the header is decoded for it (the full envelope
        // is decoded once, by the decryption).
        if (_protector.HasErasedKeys && EnvelopeScanner.TryReadKeyId(envelope, out var keyId) && _protector.IsErasedKey(keyId))
        {
            IsErased = true;
            return false;
        }

        var context = new FieldContext(_collection, _recordId, SealedField);
        var buffer = ArrayPool<byte>.Shared.Rent(FieldCipher.MaxPlaintextLength(envelope));
        var length = 0;
        try
        {
            length = FieldCipher.Decrypt(envelope, context, _protector.KeyFinder, buffer);
            _opened = Parse(buffer.AsSpan(0, length), context);
            return true;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(buffer.AsSpan(0, length));
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    // Text values become strings; any other value is kept as a copy of its JSON, deserialized by Open<T>.
    private static List<OpenedField> Parse(ReadOnlySpan<byte> plaintext, FieldContext context)
    {
        var fields = new List<OpenedField>(4);
        try
        {
            var reader = new Utf8JsonReader(plaintext);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw NotASeal(context, "it is not a JSON object");
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString()!;
                foreach (var seen in fields)
                {
                    if (string.Equals(seen.Name, name, StringComparison.Ordinal))
                    {
                        throw NotASeal(context, $"it holds field '{name}' twice");
                    }
                }

                reader.Read();
                if (reader.TokenType == JsonTokenType.String)
                {
                    fields.Add(new OpenedField(name, reader.GetString(), null));
                    continue;
                }

                var start = (int)reader.TokenStartIndex;
                reader.Skip();
                fields.Add(new OpenedField(name, null, plaintext[start..(int)reader.BytesConsumed].ToArray()));
            }

            if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
            {
                throw NotASeal(context, "it is not one JSON object");
            }
        }
        catch (JsonException e)
        {
            throw NotASeal(context, "it is not well-formed JSON", e);
        }

        return fields;
    }

    private static CryptographicIntegrityException NotASeal(FieldContext context, string why, Exception? inner = null) =>
        new(CryptographicIntegrityFailure.MalformedEnvelope, $"The encrypted value of {context} authenticated but is not a record seal: {why}. No plaintext was returned.", inner)
        {
            Collection = context.Collection,
            RecordId = context.RecordId,
            Field = context.Field,
        };

    private T? Read<T>(OpenedField field)
    {
        if (field.Text is { } text && typeof(T) == typeof(string))
        {
            return (T)(object)text;
        }

        try
        {
            return field.Text is { } other
                ? JsonSerializer.Deserialize<T>(JsonSerializer.SerializeToUtf8Bytes(other, CrmJson.Options), CrmJson.Options)
                : JsonSerializer.Deserialize<T>(field.Json, CrmJson.Options);
        }
        catch (JsonException e)
        {
            throw new CrmStorageException($"Field '{field.Name}' of {_collection} record {_recordId} could not be read from its seal: {e.Message}", e);
        }
    }

    private readonly record struct OpenedField(string Name, string? Text, byte[]? Json);
}
