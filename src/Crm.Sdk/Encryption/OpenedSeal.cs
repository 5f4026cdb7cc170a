using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;
using Crm.Sdk.Storage.Json;

namespace Crm.Sdk.Encryption;

/// <summary>
/// What a record seal holds, decrypted once (<see cref="Open"/>): text values as strings, any other value as a copy of
/// its JSON, deserialized when asked for. The decrypted bytes themselves are zeroed as soon as they are walked. A seal
/// whose data key was erased opens as <see cref="IsErased"/>, holding nothing.
/// </summary>
internal sealed class OpenedSeal
{
    private static readonly OpenedSeal ErasedSeal = new(null!, [], 0);

    private readonly FieldContext _context;
    private readonly List<Field> _fields;

    private OpenedSeal(FieldContext context, List<Field> fields, byte version)
    {
        _context = context;
        _fields = fields;
        Version = version;
    }

    /// <summary>The envelope version of the seal (1 or 2); 0 when erased.</summary>
    public byte Version { get; }

    /// <summary>Whether the seal's data key was erased (its customer was): every field then reads as empty.</summary>
    public bool IsErased => ReferenceEquals(this, ErasedSeal);

    /// <summary>Decrypts a record seal and walks its JSON.</summary>
    /// <param name="protector">Finds the data key, and tells whether it was erased.</param>
    /// <param name="context">The record's collection, id and claims, with field <see cref="RecordFields.SealedField"/>.</param>
    /// <param name="envelope">The stored seal.</param>
    /// <exception cref="CryptographicIntegrityException">The seal is malformed, its key is unknown, it fails authentication, or it is not a JSON object of fields.</exception>
    public static OpenedSeal Open(FieldProtector protector, FieldContext context, string envelope)
    {
        // Once any customer was erased, the seal is checked first; only the header is decoded for it (the full envelope
        // is decoded once, by the decryption).
        if (protector.HasErasedKeys && EnvelopeScanner.TryReadKeyId(envelope, out var keyId) && protector.IsErasedKey(keyId))
        {
            return ErasedSeal;
        }

        var buffer = ArrayPool<byte>.Shared.Rent(FieldCipher.MaxPlaintextLength(envelope));
        var length = 0;
        try
        {
            length = FieldCipher.Decrypt(envelope, context, protector.KeyFinder, buffer);
            return new OpenedSeal(context, Parse(buffer.AsSpan(0, length), context), EnvelopeFormat.VersionOfPrefix(envelope));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(buffer.AsSpan(0, length));
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The value the seal holds for <paramref name="field"/>, if it holds one.</summary>
    /// <exception cref="CrmStorageException">The value is not a <typeparamref name="T"/>.</exception>
    public bool TryGet<T>(string field, out T? value)
    {
        foreach (var held in _fields)
        {
            if (string.Equals(held.Name, field, StringComparison.Ordinal))
            {
                value = Read<T>(held);
                return true;
            }
        }

        value = default;
        return false;
    }

    // Text values become strings; any other value is kept as a copy of its JSON.
    private static List<Field> Parse(ReadOnlySpan<byte> plaintext, FieldContext context)
    {
        var fields = new List<Field>(4);
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
                    fields.Add(new Field(name, reader.GetString(), null));
                    continue;
                }

                var start = (int)reader.TokenStartIndex;
                reader.Skip();
                fields.Add(new Field(name, null, plaintext[start..(int)reader.BytesConsumed].ToArray()));
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

    private T? Read<T>(Field field)
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
            throw new CrmStorageException($"Field '{field.Name}' of {_context.Collection} record {_context.RecordId} could not be read from its seal: {e.Message}", e);
        }
    }

    private readonly record struct Field(string Name, string? Text, byte[]? Json);
}
