using System.Security.Cryptography;

namespace Crm.Sdk.Encryption;

/// <summary>
/// The HMAC key of blind indexes, one per root key and named by the root key's id:
/// <c>HKDF-SHA256(IKM = root key, salt = empty, info = "crm-sdk/blind-index-key/v1", L = 32)</c>.
/// It is independent of every data key (different derivation label, different input key), so erasing a customer's data
/// key does not touch it and knowing it reveals no data key. Dispose to zero the bytes.
/// </summary>
internal sealed class BlindIndexKey : IDisposable
{
    /// <summary>The size of a blind-index key: 32 bytes.</summary>
    public const int SizeInBytes = 32;

    private readonly byte[] _key;
    private bool _disposed;

    private BlindIndexKey(string id, byte[] key)
    {
        Id = id;
        _key = key;
    }

    private static ReadOnlySpan<byte> Label => "crm-sdk/blind-index-key/v1"u8;

    /// <summary>The key id: the id of the root key it was derived from.</summary>
    public string Id { get; }

    /// <summary>The key bytes.</summary>
    public ReadOnlySpan<byte> Material
    {
        get
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _key;
        }
    }

    /// <summary>Derives the blind-index key of a root key.</summary>
    public static BlindIndexKey DeriveFrom(RootKey root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var key = new byte[SizeInBytes];
        HKDF.DeriveKey(HashAlgorithmName.SHA256, root.Material, key, salt: [], Label);
        return new BlindIndexKey(root.Id, key);
    }

    /// <summary>Zeroes the key bytes.</summary>
    public void Dispose()
    {
        if (!_disposed)
        {
            CryptographicOperations.ZeroMemory(_key);
            _disposed = true;
        }
    }
}
