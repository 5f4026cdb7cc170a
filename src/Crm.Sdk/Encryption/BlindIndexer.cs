using System.Security.Cryptography;
using System.Text;

namespace Crm.Sdk.Encryption;

/// <summary>
/// Computes blind indexes: equality-searchable tokens of already-normalized values of encrypted fields.
/// <code>
/// mac   = HMAC-SHA256(blind-index key, u32be(len(utf8(purpose))) || utf8(purpose) || utf8(normalized value))
/// index = "bi1:" + key id + ":" + base64url(mac[0..16])      (16 bytes = 128 bits, 22 base64url characters)
/// </code>
/// The purpose (for example <c>customers/email</c>) is inside the MAC, so an e-mail index never matches a phone index
/// of the same text. Truncation to 128 bits: for a lookup among n rows the expected number of false matches is
/// n / 2^128 (1e6 rows: 2.9e-33; 1e8 rows: 2.9e-31), and the chance that any two distinct values of n rows share an
/// index is about n^2 / 2^129 (1e8 rows: 1.5e-23), so a unique index on it is safe. During a root key rotation a
/// lookup searches every value of <see cref="ComputeAll"/> (one per live key); re-indexing replaces old values.
/// </summary>
internal sealed class BlindIndexer : IDisposable
{
    /// <summary>The text prefix of version 1.</summary>
    public const string Prefix = "bi1:";

    /// <summary>The bytes of the HMAC that are kept.</summary>
    public const int TruncatedSize = 16;

    private readonly IReadOnlyList<BlindIndexKey> _keys;

    /// <summary>Creates the indexer over keys, the current one first; the indexer owns and disposes them.</summary>
    public BlindIndexer(IReadOnlyList<BlindIndexKey> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.Count == 0)
        {
            throw new ArgumentException("At least one blind-index key is needed.", nameof(keys));
        }

        _keys = keys;
    }

    /// <summary>The id of the key that computes new indexes.</summary>
    public string CurrentKeyId => _keys[0].Id;

    /// <summary>Creates an indexer from every root key of a provider, the current key first.</summary>
    public static async ValueTask<BlindIndexer> CreateAsync(IRootKeyProvider rootKeys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rootKeys);
        var current = await rootKeys.GetCurrentKeyAsync(cancellationToken).ConfigureAwait(false);
        var all = await rootKeys.GetAllKeysAsync(cancellationToken).ConfigureAwait(false);
        var roots = new List<RootKey> { current };
        roots.AddRange(all.Where(k => !string.Equals(k.Id, current.Id, StringComparison.Ordinal)));
        return new BlindIndexer(roots.Select(BlindIndexKey.DeriveFrom).ToList());
    }

    /// <summary>The index of a value with the current key, to store.</summary>
    /// <param name="purpose">What is indexed, for example <c>customers/email</c>; never empty.</param>
    /// <param name="normalizedValue">The value, already normalized by the field's normalizer.</param>
    public string Compute(string purpose, string normalizedValue) => Compute(_keys[0], purpose, normalizedValue);

    /// <summary>The index of a value with every live key, current first, to look up during a rotation.</summary>
    public IReadOnlyList<string> ComputeAll(string purpose, string normalizedValue) =>
        _keys.Select(k => Compute(k, purpose, normalizedValue)).ToList();

    /// <summary>The index of a value with a given key.</summary>
    public static string Compute(BlindIndexKey key, string purpose, string normalizedValue)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentException.ThrowIfNullOrEmpty(purpose);
        ArgumentNullException.ThrowIfNull(normalizedValue);

        byte[] input;
        try
        {
            input = new byte[CryptoEncoding.LengthPrefixedSize(purpose) + CryptoEncoding.StrictUtf8.GetByteCount(normalizedValue)];
            var offset = CryptoEncoding.WriteLengthPrefixed(input, purpose);
            CryptoEncoding.StrictUtf8.GetBytes(normalizedValue, input.AsSpan(offset));
        }
        catch (EncoderFallbackException e)
        {
            throw new ArgumentException($"The value for blind index '{purpose}' is not valid UTF-16 text (it holds a lone surrogate).", nameof(normalizedValue), e);
        }

        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(key.Material, input, mac);
        CryptographicOperations.ZeroMemory(input);
        return Prefix + key.Id + ":" + CryptoEncoding.ToBase64Url(mac[..TruncatedSize]);
    }

    /// <summary>Reads the key id of a blind index, to find values still on an old key.</summary>
    public static bool TryGetKeyId(string? blindIndex, out string keyId)
    {
        keyId = string.Empty;
        if (blindIndex is null || !blindIndex.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var rest = blindIndex.AsSpan(Prefix.Length);
        var colon = rest.IndexOf(':');
        if (colon <= 0 || !RootKey.IsValidId(rest[..colon].ToString()))
        {
            return false;
        }

        keyId = rest[..colon].ToString();
        return true;
    }

    /// <summary>Zeroes every key.</summary>
    public void Dispose()
    {
        foreach (var key in _keys)
        {
            key.Dispose();
        }
    }
}
