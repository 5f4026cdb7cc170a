using System.Collections.Concurrent;
using System.Security.Cryptography;
using NodaTime;

namespace Crm.Sdk.Encryption;

/// <summary>
/// A per-customer data key: 32 random bytes and an id. Stored only wrapped by a root key (<see cref="WrappedDataKey"/>);
/// deleting the wrapped key erases every value it protects (crypto-shredding). Dispose to zero the bytes.
/// </summary>
internal sealed class DataKey : IDisposable
{
    /// <summary>The size of a data key: 32 bytes.</summary>
    public const int SizeInBytes = 32;

    private readonly byte[] _key;
    private readonly ConcurrentDictionary<(string Collection, string Field), FieldKey> _fieldKeys = new();
    private bool _disposed;

    /// <summary>Creates a data key from existing bytes (copied).</summary>
    public DataKey(Guid id, ReadOnlySpan<byte> key)
    {
        if (id == Guid.Empty)
        {
            throw new ArgumentException("A data key id must not be empty.", nameof(id));
        }

        if (key.Length != SizeInBytes)
        {
            throw new ArgumentException($"A data key must be exactly {SizeInBytes} bytes; got {key.Length}.", nameof(key));
        }

        Id = id;
        _key = key.ToArray();
    }

    private DataKey(Guid id, byte[] ownedKey)
    {
        Id = id;
        _key = ownedKey;
    }

    /// <summary>The id of the key, written in every envelope it produces.</summary>
    public Guid Id { get; }

    /// <summary>The key bytes.</summary>
    /// <exception cref="ObjectDisposedException">The key was disposed.</exception>
    public ReadOnlySpan<byte> Material
    {
        get
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _key;
        }
    }

    /// <summary>Creates a new random key with a time-ordered id.</summary>
    /// <param name="createdAt">The creation time that orders the id.</param>
    public static DataKey Generate(Instant createdAt) =>
        new(Guid.CreateVersion7(createdAt.ToDateTimeOffset()), RandomNumberGenerator.GetBytes(SizeInBytes));

    /// <summary>Takes ownership of <paramref name="key"/> without copying (it is zeroed on dispose).</summary>
    internal static DataKey TakeOwnership(Guid id, byte[] key)
    {
        if (key.Length != SizeInBytes)
        {
            CryptographicOperations.ZeroMemory(key);
            throw new ArgumentException($"A data key must be exactly {SizeInBytes} bytes; got {key.Length}.", nameof(key));
        }

        return new DataKey(id, key);
    }

    /// <summary>The key of one field, derived on first use and kept while this data key lives.</summary>
    /// <exception cref="ObjectDisposedException">The key was disposed.</exception>
    internal FieldKey GetFieldKey(string collection, string field)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return _fieldKeys.GetOrAdd((collection, field), static (name, key) => new FieldKey(key, name.Collection, name.Field), _key);
    }

    /// <summary>Zeroes the key bytes and the field keys derived from them.</summary>
    public void Dispose()
    {
        if (!_disposed)
        {
            CryptographicOperations.ZeroMemory(_key);
            _disposed = true;
            foreach (var fieldKey in _fieldKeys.Values)
            {
                fieldKey.Dispose();
            }
        }
    }
}
