using System.Security.Cryptography;

namespace Crm.Sdk.Encryption;

/// <summary>
/// Derives the per-field subkey from a data key with HKDF-SHA256 (RFC 5869):
/// <code>
/// field key = HKDF-SHA256(IKM = data key, salt = empty, info, L = 32)
/// info      = "crm-sdk/field-key/v1" (ASCII, 20 bytes)
///             || u32be(len(utf8(collection))) || utf8(collection)
///             || u32be(len(utf8(field))) || utf8(field)
/// </code>
/// The data key is uniformly random, so an empty salt (RFC 5869: a string of 32 zero bytes) is sound.
/// </summary>
internal static class FieldKeyDerivation
{
    /// <summary>The size of a field key: 32 bytes (AES-256).</summary>
    public const int KeySize = 32;

    private static ReadOnlySpan<byte> Label => "crm-sdk/field-key/v1"u8;

    /// <summary>Derives the key of <paramref name="collection"/>/<paramref name="field"/> into <paramref name="destination"/> (32 bytes).</summary>
    public static void Derive(ReadOnlySpan<byte> dataKey, string collection, string field, Span<byte> destination)
    {
        var info = new byte[Label.Length + CryptoEncoding.LengthPrefixedSize(collection) + CryptoEncoding.LengthPrefixedSize(field)];
        var span = info.AsSpan();
        Label.CopyTo(span);
        var offset = Label.Length;
        offset += CryptoEncoding.WriteLengthPrefixed(span[offset..], collection);
        CryptoEncoding.WriteLengthPrefixed(span[offset..], field);
        HKDF.DeriveKey(HashAlgorithmName.SHA256, dataKey, destination[..KeySize], salt: [], info);
    }
}
