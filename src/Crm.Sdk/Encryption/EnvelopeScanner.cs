using System.Buffers.Text;

namespace Crm.Sdk.Encryption;

/// <summary>
/// Finds the data key ids named by the envelopes in a document body, to load the keys before opening the fields.
/// Only the first 24 base64url characters of each envelope are decoded: they hold the version byte and the key id.
/// A malformed envelope is skipped here and reported by the decryption that follows.
/// </summary>
internal static class EnvelopeScanner
{
    // Both prefixes start with "ce" and have the version digit next: the scan finds "\"ce" and reads the digit.
    private const string Marker = "\"ce";
    private const int HeaderChars = 24; // 18 bytes: the version, the 16-byte key id and the first nonce byte.

    // The shortest well-formed envelope text: the prefix and an empty plaintext's envelope (header, nonce and tag).
    private static readonly int MinEnvelopeChars = EnvelopeFormat.PrefixLength + Base64Url.GetEncodedLength(EnvelopeFormat.Overhead);

    public static void CollectKeyIds(string body, HashSet<Guid> keyIds)
    {
        Span<byte> header = stackalloc byte[18];
        var start = body.IndexOf(Marker, StringComparison.Ordinal);
        while (start >= 0)
        {
            var from = start + 1 + EnvelopeFormat.PrefixLength;
            if (from + HeaderChars <= body.Length
                && body[from - 1] == ':'
                && VersionDigit(body[from - 2]) is var version and not 0
                && TryDecodeHeader(body.AsSpan(from, HeaderChars), version, header))
            {
                keyIds.Add(EnvelopeFormat.DataKeyId(header));
            }

            start = body.IndexOf(Marker, Math.Min(from, body.Length), StringComparison.Ordinal);
        }
    }

    /// <summary>
    /// Reads the data key id of one envelope from its first 24 base64url characters, without decoding the rest or
    /// allocating: enough to tell whether its key was erased. The rest is checked by the decryption, if any follows.
    /// </summary>
    public static bool TryReadKeyId(string envelope, out Guid keyId)
    {
        Span<byte> header = stackalloc byte[18];
        if (envelope.Length >= MinEnvelopeChars
            && EnvelopeFormat.VersionOfPrefix(envelope) is var version and not 0
            && TryDecodeHeader(envelope.AsSpan(EnvelopeFormat.PrefixLength, HeaderChars), version, header))
        {
            keyId = EnvelopeFormat.DataKeyId(header);
            return true;
        }

        keyId = Guid.Empty;
        return false;
    }

    private static byte VersionDigit(char c) => c switch
    {
        '1' => EnvelopeFormat.Version1,
        '2' => EnvelopeFormat.Version2,
        _ => 0,
    };

    private static bool TryDecodeHeader(ReadOnlySpan<char> text, byte version, Span<byte> header)
    {
        try
        {
            return Base64Url.TryDecodeFromChars(text, header, out var written) && written == header.Length && header[0] == version;
        }
        catch (FormatException)
        {
            // Base64Url's Try method throws on some malformed input; the decryption that follows reports it.
            return false;
        }
    }
}
