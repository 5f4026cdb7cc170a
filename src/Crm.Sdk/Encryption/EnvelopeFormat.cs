using System.Buffers.Text;

namespace Crm.Sdk.Encryption;

/// <summary>
/// The stored form of an encrypted value, versions 1 and 2. Text: <c>"ce1:"</c> or <c>"ce2:"</c> followed by
/// base64url(envelope) (RFC 4648 section 5, no padding, canonical). Binary envelope (the same layout in both versions):
/// <code>
/// offset  size  content
///      0     1  format version, 0x01 or 0x02 (the digit of the prefix)
///      1    16  data key id (GUID, RFC 9562 big-endian byte order)
///     17    12  nonce (random per value)
///     29     n  AES-256-GCM ciphertext of the UTF-8 plaintext (n = plaintext byte count)
///   29+n    16  GCM authentication tag
/// </code>
/// Bytes [0, 17) are the header, which is also the start of the associated data (<see cref="AssociatedData"/>). The
/// versions differ only in what the associated data binds: version 2 adds the record's version, customer and links.
/// See <c>FORMAT.md</c> next to this file.
/// </summary>
internal static class EnvelopeFormat
{
    /// <summary>The text prefix of version 1.</summary>
    public const string Prefix = "ce1:";

    /// <summary>The text prefix of version 2.</summary>
    public const string Prefix2 = "ce2:";

    /// <summary>The length of both prefixes.</summary>
    public const int PrefixLength = 4;

    /// <summary>The version byte of version 1.</summary>
    public const byte Version1 = 0x01;

    /// <summary>The version byte of version 2.</summary>
    public const byte Version2 = 0x02;

    /// <summary>The size of the header: version and data key id.</summary>
    public const int HeaderSize = 1 + CryptoEncoding.GuidSize;

    /// <summary>The size of the GCM nonce (96 bits).</summary>
    public const int NonceSize = 12;

    /// <summary>The size of the GCM tag (128 bits).</summary>
    public const int TagSize = 16;

    /// <summary>The bytes an envelope adds to the plaintext.</summary>
    public const int Overhead = HeaderSize + NonceSize + TagSize;

    /// <summary>Where the ciphertext starts.</summary>
    public const int CiphertextOffset = HeaderSize + NonceSize;

    /// <summary>Tells whether a stored value looks like an encrypted field (of any version).</summary>
    public static bool HasEnvelopePrefix(string? text) =>
        text is not null && TryReadPrefixVersion(text, out _);

    /// <summary>Writes the header (version and data key id) into the start of an envelope.</summary>
    public static void WriteHeader(Span<byte> envelope, byte version, Guid dataKeyId)
    {
        envelope[0] = version is Version1 or Version2 ? version : throw new ArgumentOutOfRangeException(nameof(version));
        CryptoEncoding.WriteGuid(envelope[1..HeaderSize], dataKeyId);
    }

    /// <summary>The text prefix of a version.</summary>
    public static string PrefixOf(byte version) => version == Version2 ? Prefix2 : Prefix;

    /// <summary>The text form of a binary envelope (its version byte chooses the prefix).</summary>
    public static string ToText(ReadOnlySpan<byte> envelope) => PrefixOf(envelope[0]) + CryptoEncoding.ToBase64Url(envelope);

    /// <summary>The text form of the first <paramref name="length"/> bytes of <paramref name="envelope"/>, built in one allocation.</summary>
    public static string ToText(byte[] envelope, int length) =>
        string.Create(PrefixLength + Base64Url.GetEncodedLength(length), (envelope, length), static (chars, state) =>
        {
            PrefixOf(state.envelope[0]).CopyTo(chars);
            var written = Base64Url.EncodeToChars(state.envelope.AsSpan(0, state.length), chars[PrefixLength..]);
            if (written != chars.Length - PrefixLength)
            {
                throw new InvalidOperationException("Envelope text size mismatch.");
            }
        });

    /// <summary>The buffer size <see cref="TryDecode(string, Span{byte}, out int, out CryptographicIntegrityFailure)"/> needs for <paramref name="text"/>.</summary>
    public static int MaxDecodedLength(string text) =>
        text.Length <= PrefixLength ? 0 : Base64Url.GetMaxDecodedLength(text.Length - PrefixLength);

    /// <summary>Decodes and checks the text form; on failure says why, without throwing.</summary>
    public static bool TryDecode(string text, out byte[] envelope, out CryptographicIntegrityFailure failure)
    {
        envelope = [];
        var buffer = new byte[MaxDecodedLength(text)];
        if (!TryDecode(text, buffer, out var length, out failure))
        {
            return false;
        }

        envelope = length == buffer.Length ? buffer : buffer[..length];
        return true;
    }

    /// <summary>
    /// Decodes and checks the text form into <paramref name="destination"/> (at least <see cref="MaxDecodedLength"/> bytes);
    /// on failure says why, without throwing.
    /// </summary>
    public static bool TryDecode(string text, Span<byte> destination, out int length, out CryptographicIntegrityFailure failure)
    {
        length = 0;
        if (!TryReadPrefixVersion(text, out var prefixLength))
        {
            failure = CryptographicIntegrityFailure.MalformedEnvelope;
            return false;
        }

        var version = VersionOfPrefix(text);
        if (prefixLength != PrefixLength || version == 0)
        {
            failure = CryptographicIntegrityFailure.UnsupportedVersion;
            return false;
        }

        if (!CryptoEncoding.TryFromBase64Url(text.AsSpan(PrefixLength), destination, out var written) || written < Overhead)
        {
            failure = CryptographicIntegrityFailure.MalformedEnvelope;
            return false;
        }

        // The version byte must repeat the prefix's digit: it is authenticated (inside the header), the prefix is not.
        if (destination[0] != version)
        {
            failure = CryptographicIntegrityFailure.UnsupportedVersion;
            return false;
        }

        length = written;
        failure = default;
        return true;
    }

    /// <summary>The version a text's prefix declares: 1 for <c>ce1:</c>, 2 for <c>ce2:</c>, 0 for anything else.</summary>
    public static byte VersionOfPrefix(string text) =>
        text.StartsWith(Prefix2, StringComparison.Ordinal) ? Version2 : text.StartsWith(Prefix, StringComparison.Ordinal) ? Version1 : (byte)0;

    /// <summary>The data key id of a decoded envelope.</summary>
    public static Guid DataKeyId(ReadOnlySpan<byte> envelope) => CryptoEncoding.ReadGuid(envelope[1..HeaderSize]);

    /// <summary>The header of a decoded envelope.</summary>
    public static ReadOnlySpan<byte> Header(ReadOnlySpan<byte> envelope) => envelope[..HeaderSize];

    /// <summary>The nonce of a decoded envelope.</summary>
    public static ReadOnlySpan<byte> Nonce(ReadOnlySpan<byte> envelope) => envelope.Slice(HeaderSize, NonceSize);

    /// <summary>The ciphertext of a decoded envelope.</summary>
    public static ReadOnlySpan<byte> Ciphertext(ReadOnlySpan<byte> envelope) => envelope[CiphertextOffset..^TagSize];

    /// <summary>The tag of a decoded envelope.</summary>
    public static ReadOnlySpan<byte> Tag(ReadOnlySpan<byte> envelope) => envelope[^TagSize..];

    // "ce" + one or more ASCII digits + ":"; prefixLength includes the colon.
    private static bool TryReadPrefixVersion(string text, out int prefixLength)
    {
        prefixLength = 0;
        if (!text.StartsWith("ce", StringComparison.Ordinal))
        {
            return false;
        }

        var i = 2;
        while (i < text.Length && i < 12 && char.IsAsciiDigit(text[i]))
        {
            i++;
        }

        if (i == 2 || i >= text.Length || text[i] != ':')
        {
            return false;
        }

        prefixLength = i + 1;
        return true;
    }
}
