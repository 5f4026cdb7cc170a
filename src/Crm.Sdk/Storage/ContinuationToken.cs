using System.Buffers.Binary;
using System.Security.Cryptography;
using Crm.Sdk.Encryption;
using Crm.Sdk.ProviderKit;

namespace Crm.Sdk.Storage;

/// <summary>
/// Turns a <see cref="KeysetPosition"/> into the opaque text handed to callers as <see cref="Page{T}.ContinuationToken"/>
/// and back, authenticated with HMAC-SHA256 under the database's token key (<see cref="StoreKeyMapping"/>).
/// </summary>
/// <remarks>
/// <para>
/// Format (version 1), as base64url without padding:
/// <c>version (1 byte, 1) || mac (16 bytes) || id (16 bytes, big-endian) || tag (1 byte) || sort value</c>, where the
/// tag and value are <c>'l'</c> and a 64-bit big-endian integer, <c>'d'</c> and the four 32-bit big-endian parts of
/// <see cref="decimal.GetBits(decimal)"/>, <c>'g'</c> and a big-endian GUID, or <c>'s'</c> and UTF-8 text.
/// </para>
/// <para>
/// <c>mac</c> is the first 16 bytes of <c>HMAC-SHA256(key, version || u32be(len(scope)) || scope || id || tag || value)</c>,
/// where <c>scope</c> is the UTF-16LE code units of the list the token belongs to (<see cref="Scope"/>: list name, collection, order
/// index and direction). The scope is not in the token: a token checked against another list, or under another
/// database's key, fails its MAC. The MAC is compared in constant time before anything else of the token is read.
/// </para>
/// <para>Tokens are authenticated, not encrypted: they carry the last item's id and sort value, which the caller already received.</para>
/// </remarks>
internal static class ContinuationToken
{
    /// <summary>The format version, the first byte of every token.</summary>
    public const byte Version = 1;

    /// <summary>The bytes of the HMAC-SHA256 tag a token keeps (128 bits).</summary>
    public const int MacSize = 16;

    /// <summary>The longest token text accepted; longer text is refused before it is decoded.</summary>
    public const int MaxLength = 8192;

    private const string Field = "ContinuationToken";
    private const int HeaderSize = 1 + MacSize;
    private const int IdSize = CryptoEncoding.GuidSize;

    /// <summary>What a token is bound to: the list's name and the query's collection, order index and direction.</summary>
    public static string Scope(string list, DocumentQuery query) =>
        $"{list}\n{query.Collection}\n{query.OrderBy}\n{(query.Descending ? "desc" : "asc")}";

    public static string Encode(ReadOnlySpan<byte> key, string scope, KeysetPosition position)
    {
        var payload = Payload(position);
        var token = new byte[HeaderSize + payload.Length];
        token[0] = Version;
        payload.CopyTo(token.AsSpan(HeaderSize));
        ComputeMac(key, scope, payload, token.AsSpan(1, MacSize));
        return CryptoEncoding.ToBase64Url(token);
    }

    /// <summary>Reads a token issued by <see cref="Encode"/> for the same scope under the same key; <see langword="null"/> for no token.</summary>
    /// <exception cref="CrmValidationException">The token is not one issued for this list of this database (rule <c>continuation-token-invalid</c>).</exception>
    public static KeysetPosition? Decode(ReadOnlySpan<byte> key, string scope, string? token)
    {
        if (token is null)
        {
            return null;
        }

        if (token.Length <= MaxLength
            && CryptoEncoding.TryFromBase64Url(token, out var bytes)
            && bytes.Length > HeaderSize + IdSize
            && bytes[0] == Version)
        {
            var payload = bytes.AsSpan(HeaderSize);
            Span<byte> expected = stackalloc byte[MacSize];
            ComputeMac(key, scope, payload, expected);
            if (CryptographicOperations.FixedTimeEquals(expected, bytes.AsSpan(1, MacSize)) && TryRead(payload, out var position))
            {
                return position;
            }
        }

        throw Invalid();
    }

    /// <summary>The error of a token this list did not issue.</summary>
    public static CrmValidationException Invalid() =>
        new(Field, "continuation-token-invalid", "The continuation token is not one this list issued; pass back the token of the previous page unchanged.");

    private static byte[] Payload(KeysetPosition position)
    {
        var (tag, size) = position.SortValue switch
        {
            long => ('l', sizeof(long)),
            decimal => ('d', 4 * sizeof(int)),
            Guid => ('g', IdSize),
            string s => ('s', CryptoEncoding.StrictUtf8.GetByteCount(s)),
            _ => throw new ArgumentException($"Unsupported sort value type {position.SortValue.GetType()}.", nameof(position)),
        };
        var payload = new byte[IdSize + 1 + size];
        CryptoEncoding.WriteGuid(payload, position.Id);
        payload[IdSize] = (byte)tag;
        var value = payload.AsSpan(IdSize + 1);
        switch (position.SortValue)
        {
            case long l:
                BinaryPrimitives.WriteInt64BigEndian(value, l);
                break;
            case decimal d:
                Span<int> parts = stackalloc int[4];
                decimal.GetBits(d, parts);
                for (var i = 0; i < 4; i++)
                {
                    BinaryPrimitives.WriteInt32BigEndian(value[(i * sizeof(int))..], parts[i]);
                }

                break;
            case Guid g:
                CryptoEncoding.WriteGuid(value, g);
                break;
            case string s:
                CryptoEncoding.StrictUtf8.GetBytes(s, value);
                break;
        }

        return payload;
    }

    /// <summary>Reads an authenticated payload; strict about lengths, though only a payload this code wrote gets here.</summary>
    private static bool TryRead(ReadOnlySpan<byte> payload, out KeysetPosition? position)
    {
        position = null;
        var id = CryptoEncoding.ReadGuid(payload);
        var value = payload[(IdSize + 1)..];
        try
        {
            object? sortValue = (char)payload[IdSize] switch
            {
                'l' when value.Length == sizeof(long) => BinaryPrimitives.ReadInt64BigEndian(value),
                'd' when value.Length == 4 * sizeof(int) => new decimal(
                [
                    BinaryPrimitives.ReadInt32BigEndian(value),
                    BinaryPrimitives.ReadInt32BigEndian(value[4..]),
                    BinaryPrimitives.ReadInt32BigEndian(value[8..]),
                    BinaryPrimitives.ReadInt32BigEndian(value[12..]),
                ]),
                'g' when value.Length == IdSize => CryptoEncoding.ReadGuid(value),
                's' => CryptoEncoding.StrictUtf8.GetString(value),
                _ => null,
            };
            position = sortValue is null ? null : new KeysetPosition(sortValue, id);
        }
        catch (ArgumentException)
        {
            // Invalid decimal parts or UTF-8: refused like any other token that was not issued here.
        }

        return position is not null;
    }

    /// <summary>The scope goes in as UTF-16LE code units, which are exact for any string (a filter may hold lone surrogates).</summary>
    private static void ComputeMac(ReadOnlySpan<byte> key, string scope, ReadOnlySpan<byte> payload, Span<byte> mac)
    {
        var scopeSize = scope.Length * sizeof(char);
        var input = new byte[1 + CryptoEncoding.LengthPrefixSize + scopeSize + payload.Length];
        input[0] = Version;
        BinaryPrimitives.WriteUInt32BigEndian(input.AsSpan(1), (uint)scopeSize);
        for (var i = 0; i < scope.Length; i++)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(input.AsSpan(1 + CryptoEncoding.LengthPrefixSize + (i * sizeof(char))), scope[i]);
        }

        payload.CopyTo(input.AsSpan(1 + CryptoEncoding.LengthPrefixSize + scopeSize));
        Span<byte> full = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(key, input, full);
        full[..MacSize].CopyTo(mac);
    }
}
