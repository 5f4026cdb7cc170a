using System.Security.Cryptography;

namespace Crm.Sdk.Encryption;

/// <summary>
/// The HMAC key of blind indexes. Version 2 (<c>bi2:</c>): a secret of its own, 32 random bytes from
/// <see cref="FieldEncryptionOptions.BlindIndexKeys"/>, used as is (<see cref="FromSecret"/>). Version 1 (<c>bi1:</c>,
/// legacy): derived from a local root key and named by the root key's id (<see cref="DeriveFrom"/>),
/// <c>HKDF-SHA256(IKM = root key, salt = empty, info = "crm-sdk/blind-index-key/v1", L = 32)</c>.
/// Either is independent of every data key, so erasing a customer's data key does not touch it and knowing it reveals no
/// data key. Dispose to zero the bytes.
/// </summary>
internal sealed class BlindIndexKey : IDisposable
{
    /// <summary>The size of a blind-index key: 32 bytes.</summary>
    public const int SizeInBytes = 32;

    private readonly byte[] _key;
    private bool _disposed;

    private BlindIndexKey(string id, byte[] key, int version)
    {
        Id = id;
        _key = key;
        Version = version;
    }

    private static ReadOnlySpan<byte> Label => "crm-sdk/blind-index-key/v1"u8;

    /// <summary>The key id: the configured id (version 2), or the id of the root key it was derived from (version 1).</summary>
    public string Id { get; }

    /// <summary>The blind-index version this key computes: 2 for a secret of its own, 1 for a key derived from a root key.</summary>
    public int Version { get; }

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
        return new BlindIndexKey(root.Id, key, 1);
    }

    /// <summary>A version-2 blind-index key: a secret of its own (the bytes are copied).</summary>
    public static BlindIndexKey FromSecret(string id, ReadOnlySpan<byte> key)
    {
        if (!RootKey.IsValidId(id))
        {
            throw new ArgumentException($"A blind-index key id must be 1 to {RootKey.MaxIdLength} characters among ASCII letters, digits, '.', '_' and '-'.", nameof(id));
        }

        if (key.Length != SizeInBytes)
        {
            throw new ArgumentException($"A blind-index key must be exactly {SizeInBytes} bytes; got {key.Length}.", nameof(key));
        }

        return new BlindIndexKey(id, key.ToArray(), 2);
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
