using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Unicode;

namespace Crm.Sdk.Encryption;

/// <summary>
/// Encrypts and decrypts one value with AES-256-GCM: a fresh random 96-bit nonce per value, a 128-bit tag, a per-field
/// key derived from the record's data key (<see cref="FieldKeyDerivation"/>), and associated data binding the value to
/// its collection, record and field (<see cref="AssociatedData"/>). The stored form is described by
/// <see cref="EnvelopeFormat"/>: version 2 when the context carries the record's claims (a record seal), else version 1.
/// Random nonces under one key are safe up to 2^32 values (NIST SP 800-38D), far beyond
/// what one customer's field holds. The plaintext is UTF-8: given as text, or as bytes (a record seal,
/// <see cref="RecordFields"/>), which are then checked to be UTF-8.
/// </summary>
internal static class FieldCipher
{
    // Associated data up to this size is built on the stack (collection and field names are short).
    private const int MaxStackAssociatedData = 256;

    /// <summary>Encrypts <paramref name="plaintext"/> for <paramref name="context"/> under <paramref name="key"/>.</summary>
    /// <returns>The envelope text, <c>ce2:...</c> (<c>ce1:...</c> without claims).</returns>
    /// <exception cref="ArgumentException">The plaintext is not valid UTF-16 (a lone surrogate).</exception>
    public static string Encrypt(string plaintext, FieldContext context, DataKey key)
    {
        ArgumentNullException.ThrowIfNull(plaintext);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(key);

        // The plaintext bytes go to a pooled buffer, zeroed before it goes back.
        var plainBuffer = ArrayPool<byte>.Shared.Rent(CryptoEncoding.StrictUtf8.GetMaxByteCount(plaintext.Length));
        var plainLength = 0;
        try
        {
            try
            {
                plainLength = CryptoEncoding.StrictUtf8.GetBytes(plaintext, plainBuffer);
            }
            catch (EncoderFallbackException e)
            {
                throw new ArgumentException($"The value of {context} is not valid UTF-16 text (it holds a lone surrogate) and cannot be encrypted.", nameof(plaintext), e);
            }

            return Seal(plainBuffer.AsSpan(0, plainLength), context, key);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plainBuffer.AsSpan(0, plainLength));
            ArrayPool<byte>.Shared.Return(plainBuffer);
        }
    }

    /// <summary>Encrypts UTF-8 bytes for <paramref name="context"/> under <paramref name="key"/> (the caller keeps and zeroes them).</summary>
    /// <returns>The envelope text, <c>ce2:...</c> (<c>ce1:...</c> without claims).</returns>
    /// <exception cref="ArgumentException">The plaintext is not valid UTF-8.</exception>
    public static string Encrypt(ReadOnlySpan<byte> utf8Plaintext, FieldContext context, DataKey key)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(key);
        if (!Utf8.IsValid(utf8Plaintext))
        {
            throw new ArgumentException($"The value of {context} is not valid UTF-8 and cannot be encrypted.", nameof(utf8Plaintext));
        }

        return Seal(utf8Plaintext, context, key);
    }

    /// <summary>Decrypts an envelope that must have been produced under <paramref name="key"/>.</summary>
    /// <exception cref="CryptographicIntegrityException">The envelope is malformed, names another key, or fails authentication.</exception>
    public static string Decrypt(string envelope, FieldContext context, DataKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Decrypt(envelope, context, id => id == key.Id ? key : null);
    }

    /// <summary>Decrypts an envelope, finding its data key by the id in its header (no trial decryption).</summary>
    /// <param name="envelope">The stored text.</param>
    /// <param name="context">Where the value is read from; must be where it was written.</param>
    /// <param name="findKey">Returns the data key with the given id, or <see langword="null"/> when there is none.</param>
    /// <returns>The plaintext.</returns>
    /// <exception cref="CryptographicIntegrityException">The envelope is malformed, its key is unknown, or it fails authentication.</exception>
    public static string Decrypt(string envelope, FieldContext context, Func<Guid, DataKey?> findKey)
    {
        ArgumentNullException.ThrowIfNull(envelope);

        // Decrypted into a pooled buffer (zeroed before it goes back) and decoded from there; the bytes were checked to
        // be UTF-8, so the decoding cannot fail.
        var plainBuffer = ArrayPool<byte>.Shared.Rent(MaxPlaintextLength(envelope));
        var plainLength = 0;
        try
        {
            plainLength = Decrypt(envelope, context, findKey, plainBuffer);
            return CryptoEncoding.StrictUtf8.GetString(plainBuffer, 0, plainLength);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plainBuffer.AsSpan(0, plainLength));
            ArrayPool<byte>.Shared.Return(plainBuffer);
        }
    }

    /// <summary>
    /// Decrypts an envelope into <paramref name="destination"/> (at least <see cref="MaxPlaintextLength"/> bytes), finding
    /// its data key by the id in its header. The caller owns the plaintext bytes and zeroes them when done.
    /// </summary>
    /// <param name="envelope">The stored text.</param>
    /// <param name="context">Where the value is read from; must be where it was written.</param>
    /// <param name="findKey">Returns the data key with the given id, or <see langword="null"/> when there is none.</param>
    /// <param name="destination">Receives the UTF-8 plaintext.</param>
    /// <returns>The number of plaintext bytes written.</returns>
    /// <exception cref="CryptographicIntegrityException">The envelope is malformed, its key is unknown, it fails authentication, or it is not UTF-8.</exception>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is too small.</exception>
    public static int Decrypt(string envelope, FieldContext context, Func<Guid, DataKey?> findKey, Span<byte> destination)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(findKey);

        var envelopeBuffer = ArrayPool<byte>.Shared.Rent(EnvelopeFormat.MaxDecodedLength(envelope));
        byte[]? rentedAad = null;
        try
        {
            if (!EnvelopeFormat.TryDecode(envelope, envelopeBuffer, out var length, out var failure))
            {
                throw Failed(failure, context, null, failure == CryptographicIntegrityFailure.UnsupportedVersion
                    ? "its envelope has a format version this version of Crm.Sdk does not support"
                    : "it is not a well-formed encrypted value (wrong prefix, bad base64url, or truncated)");
            }

            ReadOnlySpan<byte> bytes = envelopeBuffer.AsSpan(0, length);
            var plainLength = length - EnvelopeFormat.Overhead;
            if (destination.Length < plainLength)
            {
                throw new ArgumentException($"The destination holds {destination.Length} bytes; the plaintext needs {plainLength}.", nameof(destination));
            }

            // Version 1 binds no claims; version 2 binds the record's claims, which the reader must supply.
            if (bytes[0] == EnvelopeFormat.Version1 && context.Claims is not null)
            {
                context = context with { Claims = null };
            }
            else if (bytes[0] == EnvelopeFormat.Version2 && context.Claims is null)
            {
                throw Failed(CryptographicIntegrityFailure.MalformedEnvelope, context, null, "it is a version-2 envelope where only a version-1 value can be");
            }

            var keyId = EnvelopeFormat.DataKeyId(bytes);
            var key = findKey(keyId)
                ?? throw Failed(CryptographicIntegrityFailure.UnknownKey, context, keyId, $"its data key {keyId} is not available (erased, or belongs to another record)");
            if (key.Id != keyId)
            {
                throw Failed(CryptographicIntegrityFailure.UnknownKey, context, keyId, $"the key lookup for data key {keyId} returned key {key.Id}");
            }

            var aadSize = AssociatedData.Size(EnvelopeFormat.HeaderSize, context);
            var aad = aadSize <= MaxStackAssociatedData
                ? stackalloc byte[MaxStackAssociatedData]
                : (rentedAad = ArrayPool<byte>.Shared.Rent(aadSize));
            aad = aad[..AssociatedData.Write(aad, EnvelopeFormat.Header(bytes), context)];

            Open(bytes, aad, context, key, keyId, destination[..plainLength]);
            return plainLength;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(envelopeBuffer);
            if (rentedAad is not null)
            {
                ArrayPool<byte>.Shared.Return(rentedAad);
            }
        }
    }

    /// <summary>The buffer size <see cref="Decrypt(string, FieldContext, Func{Guid, DataKey?}, Span{byte})"/> needs for <paramref name="envelope"/>.</summary>
    public static int MaxPlaintextLength(string envelope)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        return Math.Max(0, EnvelopeFormat.MaxDecodedLength(envelope) - EnvelopeFormat.Overhead);
    }

    /// <summary>Tells whether a stored value is an encrypted field (has an envelope prefix of any version).</summary>
    public static bool IsEnvelope(string? value) => EnvelopeFormat.HasEnvelopePrefix(value);

    /// <summary>Reads the data key id of an envelope, to fetch the key before decrypting.</summary>
    public static bool TryGetDataKeyId(string envelope, out Guid dataKeyId)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var ok = EnvelopeFormat.TryDecode(envelope, out var bytes, out _);
        dataKeyId = ok ? EnvelopeFormat.DataKeyId(bytes) : Guid.Empty;
        return ok;
    }

    // Builds the envelope in a pooled buffer; the only allocation left is the envelope text itself.
    private static string Seal(ReadOnlySpan<byte> plaintext, FieldContext context, DataKey key)
    {
        var envelopeLength = EnvelopeFormat.Overhead + plaintext.Length;
        var envelope = ArrayPool<byte>.Shared.Rent(envelopeLength);
        byte[]? rentedAad = null;
        try
        {
            var span = envelope.AsSpan(0, envelopeLength);
            EnvelopeFormat.WriteHeader(span, context.Claims is null ? EnvelopeFormat.Version1 : EnvelopeFormat.Version2, key.Id);
            var nonce = span.Slice(EnvelopeFormat.HeaderSize, EnvelopeFormat.NonceSize);
            NonceSource.Fill(nonce);

            var aadSize = AssociatedData.Size(EnvelopeFormat.HeaderSize, context);
            var aad = aadSize <= MaxStackAssociatedData
                ? stackalloc byte[MaxStackAssociatedData]
                : (rentedAad = ArrayPool<byte>.Shared.Rent(aadSize));
            aad = aad[..AssociatedData.Write(aad, span[..EnvelopeFormat.HeaderSize], context)];

            var fieldKey = key.GetFieldKey(context.Collection, context.Field);
            var gcm = fieldKey.Rent();
            try
            {
                gcm.Encrypt(
                    nonce,
                    plaintext,
                    span.Slice(EnvelopeFormat.CiphertextOffset, plaintext.Length),
                    span[^EnvelopeFormat.TagSize..],
                    aad);
            }
            finally
            {
                fieldKey.Return(gcm);
            }

            return EnvelopeFormat.ToText(envelope, envelopeLength);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(envelope);
            if (rentedAad is not null)
            {
                ArrayPool<byte>.Shared.Return(rentedAad);
            }
        }
    }

    // Decrypts into the caller's buffer, which is zeroed again when the value does not authenticate or is not UTF-8.
    private static void Open(ReadOnlySpan<byte> envelope, ReadOnlySpan<byte> aad, FieldContext context, DataKey key, Guid keyId, Span<byte> plain)
    {
        var fieldKey = key.GetFieldKey(context.Collection, context.Field);
        var gcm = fieldKey.Rent();
        try
        {
            gcm.Decrypt(EnvelopeFormat.Nonce(envelope), EnvelopeFormat.Ciphertext(envelope), EnvelopeFormat.Tag(envelope), plain, aad);
        }
        catch (CryptographicException e)
        {
            CryptographicOperations.ZeroMemory(plain);
            throw Failed(CryptographicIntegrityFailure.AuthenticationFailed, context, keyId, context.Claims is null
                ? "its authentication tag does not verify: it was altered, or copied from another record, field or collection"
                : "its authentication tag does not verify: it was altered or copied from another record, or the record's customer, owner, links or version were changed since it was sealed (an older seal put back)", e);
        }
        finally
        {
            fieldKey.Return(gcm);
        }

        if (!Utf8.IsValid(plain))
        {
            CryptographicOperations.ZeroMemory(plain);
            throw Failed(CryptographicIntegrityFailure.AuthenticationFailed, context, keyId, "it authenticated but is not UTF-8 text");
        }
    }

    private static CryptographicIntegrityException Failed(
        CryptographicIntegrityFailure failure, FieldContext context, Guid? keyId, string why, Exception? inner = null) =>
        new(failure, $"The encrypted value of {context} cannot be decrypted: {why}. No plaintext was returned.", inner)
        {
            Collection = context.Collection,
            RecordId = context.RecordId,
            Field = context.Field,
            KeyId = keyId?.ToString(),
        };
}
