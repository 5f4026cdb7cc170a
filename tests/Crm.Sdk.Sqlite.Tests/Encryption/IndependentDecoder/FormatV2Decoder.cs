// A second, minimal decoder of the field-encryption format, version 2.
//
// Written from src/Crm.Sdk/Encryption/FORMAT.md only: it references no Crm.Sdk type and shares no code with the
// library, only .NET primitives (System.Security.Cryptography, System.Text.Json, System.Globalization). Where this
// file needed something the document did not say, the document was fixed, not this file. Keep it that way: if the
// golden test fails, decide from FORMAT.md which side is wrong.
using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Crm.Sdk.Sqlite.Tests.Encryption.IndependentDecoder;

/// <summary>What reading a record seal (FORMAT.md, "Record seal", "Reading a record") found.</summary>
internal enum SealState
{
    /// <summary>The collection has no encrypted field: the record is read as it is.</summary>
    NoSeal,

    /// <summary>The document says <c>"erased": true</c> and has no seal.</summary>
    ErasedRecord,

    /// <summary>The seal's data key was erased: the record reads as erased, nothing is decrypted.</summary>
    ErasedKey,

    /// <summary>The seal was decrypted.</summary>
    Opened,
}

/// <summary>A record read by <see cref="FormatV2Decoder.OpenRecord"/>: its state and, when opened, the seal plaintext.</summary>
internal sealed record OpenedRecord(SealState State, string? Plaintext, int EnvelopeVersion);

/// <summary>A row of <c>data_keys</c> after <see cref="FormatV2Decoder.UnwrapDataKey"/>: the 32-byte key, or null once erased.</summary>
internal sealed record DecodedDataKey(Guid Id, Guid CustomerId, byte[]? Key)
{
    public bool IsErased => Key is null;
}

/// <summary>The documented algorithms of FORMAT.md, version 2, with bare .NET primitives.</summary>
internal static class FormatV2Decoder
{
    private const int HeaderSize = 17;
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private const int Overhead = HeaderSize + NonceSize + TagSize; // 45

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    // ---- Notation --------------------------------------------------------------------------------------------------

    /// <summary><c>guid(g)</c>: the 16 bytes of a GUID in RFC 9562 order, the order of the hex digits of its text form.</summary>
    public static byte[] GuidBytes(string text)
    {
        var hex = text.Replace("-", string.Empty, StringComparison.Ordinal);
        if (hex.Length != 32)
        {
            throw new FormatException($"Not a GUID: '{text}'.");
        }

        return Convert.FromHexString(hex);
    }

    /// <summary><c>guid(absent)</c>: 16 zero bytes.</summary>
    public static byte[] GuidBytesOrZero(string? text) => text is null ? new byte[16] : GuidBytes(text);

    /// <summary>The GUID text (lower-case, 8-4-4-4-12) of 16 bytes in RFC 9562 order.</summary>
    public static string GuidText(ReadOnlySpan<byte> bytes)
    {
        var hex = Convert.ToHexStringLower(bytes);
        return $"{hex[..8]}-{hex[8..12]}-{hex[12..16]}-{hex[16..20]}-{hex[20..]}";
    }

    /// <summary><c>utf8(s)</c>: strict UTF-8.</summary>
    public static byte[] Utf8(string text) => StrictUtf8.GetBytes(text);

    /// <summary><c>LP(s) = u32be(len(utf8(s))) || utf8(s)</c>.</summary>
    public static byte[] LP(string text)
    {
        var bytes = Utf8(text);
        var result = new byte[4 + bytes.Length];
        BinaryPrimitives.WriteUInt32BigEndian(result, (uint)bytes.Length);
        bytes.CopyTo(result, 4);
        return result;
    }

    /// <summary><c>u64be(x)</c>.</summary>
    public static byte[] U64be(long value)
    {
        var result = new byte[8];
        BinaryPrimitives.WriteUInt64BigEndian(result, checked((ulong)value));
        return result;
    }

    public static byte[] Concat(params byte[][] parts)
    {
        var result = new byte[parts.Sum(p => p.Length)];
        var offset = 0;
        foreach (var part in parts)
        {
            part.CopyTo(result, offset);
            offset += part.Length;
        }

        return result;
    }

    /// <summary>base64url (RFC 4648 section 5) without padding, canonical only.</summary>
    public static string Base64UrlEncode(ReadOnlySpan<byte> bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>Decodes canonical base64url: no padding, no whitespace, no other alphabet, zero trailing bits.</summary>
    public static byte[] Base64UrlDecode(string text)
    {
        if (text.Length % 4 == 1 || text.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_')))
        {
            throw new FormatException("Not canonical base64url.");
        }

        var standard = text.Replace('-', '+').Replace('_', '/');
        standard += new string('=', (4 - (standard.Length % 4)) % 4);
        var bytes = Convert.FromBase64String(standard);
        if (!string.Equals(Base64UrlEncode(bytes), text, StringComparison.Ordinal))
        {
            throw new FormatException("Not canonical base64url (non-zero trailing bits).");
        }

        return bytes;
    }

    // ---- Keys ------------------------------------------------------------------------------------------------------

    /// <summary>
    /// Reads a <c>data_keys</c> document (document id = data key id): absent <c>wrappedKey</c> means erased; otherwise
    /// RFC 5649 unwrap with the root key, format 2: 64 bytes, <c>[32, 48)</c> = data key id, <c>[48, 64)</c> = customer id.
    /// </summary>
    public static DecodedDataKey UnwrapDataKey(string documentId, string body, string rootKeyId, byte[] rootKey)
    {
        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        var customerId = root.GetProperty("customerId").GetString()!;
        if (!root.TryGetProperty("wrappedKey", out var wrappedElement))
        {
            if (!root.TryGetProperty("erasedAt", out _) || root.TryGetProperty("rootKeyId", out _) || root.TryGetProperty("format", out _))
            {
                throw new CryptographicException($"Data key {documentId}: no wrapped key, but not an erased row either.");
            }

            return new DecodedDataKey(Guid.Parse(documentId), Guid.Parse(customerId), null);
        }

        if (root.GetProperty("format").GetInt32() != 2)
        {
            throw new CryptographicException($"Data key {documentId}: not format 2.");
        }

        if (!string.Equals(root.GetProperty("rootKeyId").GetString(), rootKeyId, StringComparison.Ordinal))
        {
            throw new CryptographicException($"Data key {documentId}: wrapped by an unknown KEK.");
        }

        var wrapped = Convert.FromBase64String(wrappedElement.GetString()!); // standard base64 with padding
        using var aes = Aes.Create();
        aes.Key = rootKey;
        var plaintext = aes.DecryptKeyWrapPadded(wrapped);
        if (plaintext.Length != 64
            || !plaintext.AsSpan(32, 16).SequenceEqual(GuidBytes(documentId))
            || !plaintext.AsSpan(48, 16).SequenceEqual(GuidBytes(customerId)))
        {
            throw new CryptographicException($"Data key {documentId}: the wrapped plaintext does not name its row.");
        }

        return new DecodedDataKey(Guid.Parse(documentId), Guid.Parse(customerId), plaintext[..32]);
    }

    /// <summary><c>HKDF-SHA256(IKM = data key, salt = empty, info = "crm-sdk/field-key/v1" || LP(collection) || LP(field), L = 32)</c>.</summary>
    public static byte[] FieldKey(byte[] dataKey, string collection, string field) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, dataKey, 32, [], Concat(Utf8("crm-sdk/field-key/v1"), LP(collection), LP(field)));

    // ---- Envelope and record seal ----------------------------------------------------------------------------------

    /// <summary>
    /// <c>claims = u64be(record version) || guid(customer id) || LP(owner) || guid(deal id) || guid(ticket id)</c>, taken
    /// from the document as FORMAT.md lists per collection.
    /// </summary>
    public static byte[] Claims(string collection, string recordId, long version, JsonElement body)
    {
        string? Text(string member) => body.TryGetProperty(member, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        var customerId = collection == "customers" ? recordId : Text("customerId") ?? throw new FormatException("No customerId.");
        var owner = collection switch
        {
            "customers" or "deals" => Text("ownerId"),
            "tickets" => Text("assigneeId"),
            _ => null,
        };
        var interaction = collection == "interactions";
        return Concat(
            U64be(version),
            GuidBytes(customerId),
            LP(owner ?? string.Empty),
            GuidBytesOrZero(interaction ? Text("dealId") : null),
            GuidBytesOrZero(interaction ? Text("ticketId") : null));
    }

    /// <summary>Reads a record: no seal, erased record, erased key (header only), or decrypts the seal.</summary>
    /// <param name="keys">The data keys by id (erased ones with a null key).</param>
    public static OpenedRecord OpenRecord(string collection, string recordId, long version, string body, IReadOnlyDictionary<Guid, DecodedDataKey> keys)
    {
        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        if (!root.TryGetProperty("sealed", out var sealedElement))
        {
            return root.TryGetProperty("erased", out var erased) && erased.ValueKind == JsonValueKind.True
                ? new OpenedRecord(SealState.ErasedRecord, null, 0)
                : new OpenedRecord(SealState.NoSeal, null, 0);
        }

        var text = sealedElement.GetString()!;
        if (!text.StartsWith("ce2:", StringComparison.Ordinal))
        {
            throw new CryptographicException($"{collection} {recordId}: not a version-2 envelope.");
        }

        var envelope = Base64UrlDecode(text[4..]);
        if (envelope.Length < Overhead || envelope[0] != 0x02)
        {
            throw new CryptographicException($"{collection} {recordId}: malformed envelope.");
        }

        var keyId = Guid.Parse(GuidText(envelope.AsSpan(1, 16)));
        var key = keys.TryGetValue(keyId, out var found) ? found : throw new CryptographicException($"{collection} {recordId}: unknown data key {keyId}.");
        if (key.IsErased)
        {
            return new OpenedRecord(SealState.ErasedKey, null, 2);
        }

        var header = envelope[..HeaderSize];
        var aad = Concat(header, LP(collection), GuidBytes(recordId), LP("sealed"), Claims(collection, recordId, version, root));
        var plaintext = new byte[envelope.Length - Overhead];
        using var gcm = new AesGcm(FieldKey(key.Key!, collection, "sealed"), TagSize);
        gcm.Decrypt(envelope.AsSpan(HeaderSize, NonceSize), envelope.AsSpan(HeaderSize + NonceSize, plaintext.Length), envelope.AsSpan(envelope.Length - TagSize), plaintext, aad);
        return new OpenedRecord(SealState.Opened, StrictUtf8.GetString(plaintext), 2);
    }

    /// <summary>The header alone (first 24 base64url characters) of a seal: version byte and data key id.</summary>
    public static (int Version, Guid DataKeyId) ReadHeader(string sealedText)
    {
        // 24 base64url characters are 18 bytes, the 17-byte header and the first nonce byte.
        var header = Base64UrlDecode(sealedText.Substring(4, 24))[..HeaderSize];
        return (header[0], Guid.Parse(GuidText(header.AsSpan(1, 16))));
    }

    // ---- Blind indexes ---------------------------------------------------------------------------------------------

    /// <summary><c>"bi2:" + key id + ":" + base64url(HMAC-SHA256(key, LP(purpose) || utf8(value))[0, bits / 8))</c>.</summary>
    public static string BlindIndexV2(byte[] key, string keyId, string purpose, string normalizedValue, int bits)
    {
        var mac = HMACSHA256.HashData(key, Concat(LP(purpose), Utf8(normalizedValue)));
        return "bi2:" + keyId + ":" + Base64UrlEncode(mac.AsSpan(0, bits / 8));
    }

    // ---- Name tokens -----------------------------------------------------------------------------------------------

    /// <summary>
    /// The name key K of a display name: trimmed, NFKC_Casefold, trimmed again. This decoder implements NFKC_Casefold only
    /// for text that is already in NFC and holds no compatibility character (true of the golden names): there it is the
    /// case folding with default-ignorable code points removed; the case folding used is .NET's invariant simple
    /// lower-casing, which equals full case folding for the golden names (no ß, no final sigma, no İ).
    /// </summary>
    public static string NameKey(string displayName)
    {
        var folded = new StringBuilder();
        foreach (var rune in displayName.Trim().EnumerateRunes())
        {
            if (!IsDefaultIgnorable(rune.Value))
            {
                _ = folded.Append(Rune.ToLowerInvariant(rune).ToString());
            }
        }

        return folded.ToString().Trim();
    }

    // Default_Ignorable_Code_Point (DerivedCoreProperties.txt), the ranges a name may plausibly hold.
    private static bool IsDefaultIgnorable(int c) => c is 0x00AD or 0x034F or 0x061C or 0x115F or 0x1160 or 0x17B4 or 0x17B5 or 0x3164 or 0xFEFF or 0xFFA0
        || c is >= 0x180B and <= 0x180F
        || c is >= 0x200B and <= 0x200F
        || c is >= 0x202A and <= 0x202E
        || c is >= 0x2060 and <= 0x206F
        || c is >= 0xFE00 and <= 0xFE0F
        || c is >= 0xFFF0 and <= 0xFFF8
        || c is >= 0x1BCA0 and <= 0x1BCA3
        || c is >= 0x1D173 and <= 0x1D17A
        || c is >= 0xE0000 and <= 0xE0FFF;

    private enum Kind
    {
        Other,
        Cjk,
        Separator,
    }

    /// <summary>The name tokens of K, each once, in order (FORMAT.md, "Name tokens").</summary>
    public static IReadOnlyList<string> NameTokens(string nameKey)
    {
        var bounds = new List<int> { 0 };
        var kinds = new List<Kind>();
        for (var at = 0; at < nameKey.Length;)
        {
            var first = Rune.GetRuneAt(nameKey, at);
            kinds.Add(Rune.IsWhiteSpace(first) ? Kind.Separator : IsCjk(first.Value) ? Kind.Cjk : Kind.Other);
            at += StringInfo.GetNextTextElementLength(nameKey, at);
            bounds.Add(at);
        }

        var tokens = new List<string>();
        for (var start = 0; start < kinds.Count; start++)
        {
            var isStart = start == 0
                || (kinds[start] != Kind.Separator
                    && (kinds[start - 1] == Kind.Separator || ((kinds[start] == Kind.Cjk) != (kinds[start - 1] == Kind.Cjk))));
            if (!isStart)
            {
                continue;
            }

            var end = start + 1;
            if (start == 0)
            {
                end = kinds.Count;
            }
            else
            {
                while (end < kinds.Count && kinds[end] != Kind.Separator)
                {
                    end++;
                }
            }

            var minimum = kinds[start] == Kind.Cjk ? 1 : 2;
            for (var length = minimum; length <= Math.Min(16, end - start); length++)
            {
                var token = nameKey[bounds[start]..bounds[start + length]];
                if (!tokens.Contains(token, StringComparer.Ordinal))
                {
                    tokens.Add(token);
                }
            }
        }

        return tokens;
    }

    private static bool IsCjk(int c) => c is (>= 0x1100 and <= 0x11FF) or (>= 0x2E80 and <= 0x2FDF) or (>= 0x3005 and <= 0x3007)
        or (>= 0x3021 and <= 0x3029) or (>= 0x3038 and <= 0x303B) or (>= 0x3041 and <= 0x30FF) or (>= 0x3131 and <= 0x318E)
        or (>= 0x31F0 and <= 0x31FF) or (>= 0x3400 and <= 0x4DBF) or (>= 0x4E00 and <= 0x9FFF) or (>= 0xA960 and <= 0xA97F)
        or (>= 0xAC00 and <= 0xD7FF) or (>= 0xF900 and <= 0xFAFF) or (>= 0xFF66 and <= 0xFFDC) or (>= 0x1AFF0 and <= 0x1B16F)
        or (>= 0x20000 and <= 0x3FFFF);
}
