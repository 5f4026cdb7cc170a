using System.Security.Cryptography;
using System.Text;

namespace Crm.Sdk.Encryption;

/// <summary>
/// Computes blind indexes: equality-searchable tokens of already-normalized values of encrypted fields.
/// <code>
/// mac   = HMAC-SHA256(blind-index key, u32be(len(utf8(purpose))) || utf8(purpose) || utf8(normalized value))
/// index = "bi2:" + key id + ":" + base64url(mac[0, bits/8))   version 2: a key of its own, length chosen per field
/// index = "bi1:" + key id + ":" + base64url(mac[0, 16))       version 1 (legacy): key derived from a root key, 128 bits
/// </code>
/// The purpose (for example <c>customers/emails</c>) is inside the MAC, so an e-mail index never matches a phone index
/// of the same text. A short index matches more than one value (for a lookup among n stored values, n / 2^bits false
/// matches are expected): every caller re-checks the decrypted value. New values are indexed in the <see cref="Current"/>
/// form; a lookup searches every value of <see cref="ComputeAll"/>, one per form still in use (older keys during a rotation,
/// older lengths after a length change) until <see cref="IEncryptionMaintenance.RefreshBlindIndexesAsync"/> re-indexed.
/// </summary>
internal sealed class BlindIndexer : IDisposable
{
    /// <summary>The text prefix of version 1.</summary>
    public const string Prefix = "bi1:";

    /// <summary>The text prefix of version 2.</summary>
    public const string Version2Prefix = "bi2:";

    /// <summary>The bytes of the HMAC that version 1 keeps.</summary>
    public const int Version1Size = 16;

    /// <summary>The bytes of the HMAC that version 1 keeps (its former name).</summary>
    public const int TruncatedSize = Version1Size;

    private readonly Dictionary<(int Version, string Id), BlindIndexKey> _keys;
    private readonly IReadOnlyList<BlindIndexForm> _lookupForms;

    /// <summary>
    /// Creates an indexer over keys, computing new indexes in <paramref name="current"/> and looking up every form of
    /// <paramref name="lookupForms"/> whose key is among <paramref name="keys"/>. The indexer owns and disposes the keys.
    /// </summary>
    public BlindIndexer(IReadOnlyList<BlindIndexKey> keys, BlindIndexForm current, IEnumerable<BlindIndexForm> lookupForms)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(lookupForms);
        _keys = new Dictionary<(int, string), BlindIndexKey>();
        foreach (var key in keys)
        {
            _keys.TryAdd((key.Version, key.Id), key);
        }

        if (!_keys.ContainsKey((current.Version, current.KeyId)))
        {
            throw new ArgumentException($"The current blind-index form '{current}' has no key.", nameof(current));
        }

        Current = current;
        _lookupForms = [current, .. lookupForms.Where(f => f != current && _keys.ContainsKey((f.Version, f.KeyId))).Distinct()];
    }

    /// <summary>Creates a version-1 indexer over keys derived from root keys, the current one first (every key is looked up).</summary>
    public BlindIndexer(IReadOnlyList<BlindIndexKey> keys)
        : this(keys, BlindIndexForm.V1(FirstId(keys)), keys.Select(k => BlindIndexForm.V1(k.Id)))
    {
    }

    /// <summary>The form new indexes are computed in, stored with the customer.</summary>
    public BlindIndexForm Current { get; }

    /// <summary>The id of the key that computes new indexes.</summary>
    public string CurrentKeyId => Current.KeyId;

    /// <summary>The forms a lookup searches, the current first.</summary>
    public IReadOnlyList<BlindIndexForm> LookupForms => _lookupForms;

    /// <summary>The index of a value in the current form, to store.</summary>
    /// <param name="purpose">What is indexed, for example <c>customers/emails</c>; never empty.</param>
    /// <param name="normalizedValue">The value, already normalized by the field's normalizer.</param>
    public string Compute(string purpose, string normalizedValue) => Compute(Current, purpose, normalizedValue);

    /// <summary>The index of a value in every form still in use, the current first, to look up.</summary>
    public IReadOnlyList<string> ComputeAll(string purpose, string normalizedValue) =>
        _lookupForms.Select(f => Compute(f, purpose, normalizedValue)).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>The index of a value in a given form (its key must be known to this indexer).</summary>
    public string Compute(BlindIndexForm form, string purpose, string normalizedValue)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentException.ThrowIfNullOrEmpty(purpose);
        return Compute(_keys[(form.Version, form.KeyId)], form.BytesFor(purpose), purpose, normalizedValue);
    }

    /// <summary>The version-1 index of a value with a key derived from a root key.</summary>
    public static string Compute(BlindIndexKey key, string purpose, string normalizedValue) => Compute(key, Version1Size, purpose, normalizedValue);

    /// <summary>The index of a value with a given key, keeping <paramref name="bytes"/> bytes of the MAC.</summary>
    public static string Compute(BlindIndexKey key, int bytes, string purpose, string normalizedValue)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentException.ThrowIfNullOrEmpty(purpose);
        ArgumentNullException.ThrowIfNull(normalizedValue);
        ArgumentOutOfRangeException.ThrowIfLessThan(bytes, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(bytes, HMACSHA256.HashSizeInBytes);

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
        return (key.Version == 1 ? Prefix : Version2Prefix) + key.Id + ":" + CryptoEncoding.ToBase64Url(mac[..bytes]);
    }

    /// <summary>Reads the key id of a blind index (either version), to find values still on an old key.</summary>
    public static bool TryGetKeyId(string? blindIndex, out string keyId)
    {
        keyId = string.Empty;
        if (blindIndex is null || !(blindIndex.StartsWith(Prefix, StringComparison.Ordinal) || blindIndex.StartsWith(Version2Prefix, StringComparison.Ordinal)))
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
        foreach (var key in _keys.Values)
        {
            key.Dispose();
        }
    }

    private static string FirstId(IReadOnlyList<BlindIndexKey> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        return keys.Count > 0 ? keys[0].Id : throw new ArgumentException("At least one blind-index key is needed.", nameof(keys));
    }
}
