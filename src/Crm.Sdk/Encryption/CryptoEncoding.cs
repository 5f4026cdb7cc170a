using System.Buffers;
using System.Buffers.Binary;
using System.Buffers.Text;
using System.Text;

namespace Crm.Sdk.Encryption;

/// <summary>The byte encodings shared by envelopes, associated data, key derivation labels and blind indexes.</summary>
internal static class CryptoEncoding
{
    /// <summary>UTF-8 that refuses lone surrogates instead of silently replacing them (a round trip must be exact).</summary>
    public static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static readonly SearchValues<char> Base64UrlAlphabet =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");

    /// <summary>The size of a length prefix: a 32-bit unsigned big-endian integer.</summary>
    public const int LengthPrefixSize = 4;

    /// <summary>The size of a GUID written by <see cref="WriteGuid"/>.</summary>
    public const int GuidSize = 16;

    /// <summary>The size of <c>u32be(len(utf8(s))) || utf8(s)</c>.</summary>
    public static int LengthPrefixedSize(string value) => LengthPrefixSize + StrictUtf8.GetByteCount(value);

    /// <summary>Writes <c>u32be(len(utf8(s))) || utf8(s)</c> and returns the number of bytes written.</summary>
    public static int WriteLengthPrefixed(Span<byte> destination, string value)
    {
        var count = StrictUtf8.GetBytes(value, destination[LengthPrefixSize..]);
        BinaryPrimitives.WriteUInt32BigEndian(destination, (uint)count);
        return LengthPrefixSize + count;
    }

    /// <summary>Writes a GUID in RFC 9562 (big-endian) byte order, the order of its text form.</summary>
    public static void WriteGuid(Span<byte> destination, Guid value)
    {
        if (!value.TryWriteBytes(destination, bigEndian: true, out var written) || written != GuidSize)
        {
            throw new ArgumentException("The destination is too small for a GUID.", nameof(destination));
        }
    }

    /// <summary>Reads a GUID written by <see cref="WriteGuid"/>.</summary>
    public static Guid ReadGuid(ReadOnlySpan<byte> source) => new(source[..GuidSize], bigEndian: true);

    /// <summary>Encodes as base64url without padding (RFC 4648 section 5).</summary>
    public static string ToBase64Url(ReadOnlySpan<byte> bytes) => Base64Url.EncodeToString(bytes);

    /// <summary>
    /// Decodes base64url without padding, accepting only the canonical encoding (no padding, whitespace or stray bits),
    /// so that one byte string has exactly one text form.
    /// </summary>
    public static bool TryFromBase64Url(ReadOnlySpan<char> text, out byte[] bytes)
    {
        bytes = [];
        var buffer = new byte[Base64Url.GetMaxDecodedLength(text.Length)];
        if (!TryFromBase64Url(text, buffer, out var written) || written != buffer.Length)
        {
            return false;
        }

        bytes = buffer;
        return true;
    }

    /// <summary>
    /// Decodes base64url without padding into <paramref name="destination"/> (at least
    /// <see cref="Base64Url.GetMaxDecodedLength"/> bytes), accepting only the canonical encoding, like
    /// <see cref="TryFromBase64Url(ReadOnlySpan{char}, out byte[])"/>.
    /// </summary>
    public static bool TryFromBase64Url(ReadOnlySpan<char> text, Span<byte> destination, out int written)
    {
        // Base64Url accepts padding and whitespace, so check the alphabet first, then decode, then insist on the
        // canonical form (no stray trailing bits).
        written = 0;
        if (text.IsEmpty || text.Length % 4 == 1 || text.ContainsAnyExcept(Base64UrlAlphabet))
        {
            return false;
        }

        var expected = Base64Url.GetMaxDecodedLength(text.Length);
        if (destination.Length < expected)
        {
            return false;
        }

        try
        {
            // TryDecodeFromChars still throws FormatException for some inputs (non-zero trailing bits).
            if (!HasCanonicalTail(text) || !Base64Url.TryDecodeFromChars(text, destination[..expected], out var count) || count != expected)
            {
                return false;
            }

            written = count;
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>
    /// Whether the last character carries no stray bits: with 2 characters in the last group only its top 2 bits are data
    /// (the low 4 must be zero), with 3 only its top 4 (the low 2 must be zero). Cheaper than re-encoding to compare.
    /// </summary>
    private static bool HasCanonicalTail(ReadOnlySpan<char> text)
    {
        var unusedBits = (text.Length % 4) switch { 2 => 0b1111, 3 => 0b11, _ => 0 };
        return unusedBits == 0 || (SextetOf(text[^1]) & unusedBits) == 0;
    }

    private static int SextetOf(char c) => c switch
    {
        >= 'A' and <= 'Z' => c - 'A',
        >= 'a' and <= 'z' => c - 'a' + 26,
        >= '0' and <= '9' => c - '0' + 52,
        '-' => 62,
        _ => 63,
    };
}
