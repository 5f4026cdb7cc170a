using System.Buffers.Text;

namespace Crm.Sdk.Encryption;

/// <summary>
/// The stored form of an encrypted field, version 1. Text: <c>"ce1:" + base64url(envelope)</c> (RFC 4648 section 5,
/// no padding, canonical). Binary envelope:
/// <code>
/// offset  size  content
///      0     1  format version, 0x01
///      1    16  data key id (GUID, RFC 9562 big-endian byte order)
///     17    12  nonce (random per value)
///     29     n  AES-256-GCM ciphertext of the UTF-8 plaintext (n = plaintext byte count)
///   29+n    16  GCM authentication tag
/// </code>
/// Bytes 0..16 are the header, which is also the start of the associated data (<see cref="AssociatedData"/>).
/// See <c>FORMAT.md</c> next to this file.
/// </summary>
internal static class EnvelopeFormat
{
    /// <summary>The text prefix of version 1.</summary>
    public const string Prefix = "ce1:";

    /// <summary>The version byte of version 1.</summary>
    public const byte Version1 = 0x01;

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
    public static void WriteHeader(Span<byte> envelope, Guid dataKeyId)
    {
        envelope[0] = Version1;
        CryptoEncoding.WriteGuid(envelope[1..HeaderSize], dataKeyId);
    }

    /// <summary>The text form of a binary envelope.</summary>
    public static string ToText(ReadOnlySpan<byte> envelope) => Prefix + CryptoEncoding.ToBase64Url(envelope);

    /// <summary>The text form of the first <paramref name="length"/> bytes of <paramref name="envelope"/>, built in one allocation.</summary>
    public static string ToText(byte[] envelope, int length) =>
        string.Create(Prefix.Length + Base64Url.GetEncodedLength(length), (envelope, length), static (chars, state) =>
        {
            Prefix.CopyTo(chars);
            var written = Base64Url.EncodeToChars(state.envelope.AsSpan(0, state.length), chars[Prefix.Length..]);
            if (written != chars.Length - Prefix.Length)
            {
                throw new InvalidOperationException("Envelope text size mismatch.");
            }
        });

    /// <summary>The buffer size <see cref="TryDecode(string, Span{byte}, out int, out CryptographicIntegrityFailure)"/> needs for <paramref name="text"/>.</summary>
    public static int MaxDecodedLength(string text) =>
        text.Length <= Prefix.Length ? 0 : Base64Url.GetMaxDecodedLength(text.Length - Prefix.Length);

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

        if (prefixLength != Prefix.Length || !text.StartsWith(Prefix, StringComparison.Ordinal))
        {
            failure = CryptographicIntegrityFailure.UnsupportedVersion;
            return false;
        }

        if (!CryptoEncoding.TryFromBase64Url(text.AsSpan(Prefix.Length), destination, out var written) || written < Overhead)
        {
            failure = CryptographicIntegrityFailure.MalformedEnvelope;
            return false;
        }

        if (destination[0] != Version1)
        {
            failure = CryptographicIntegrityFailure.UnsupportedVersion;
            return false;
        }

        length = written;
        failure = default;
        return true;
    }

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
