using System.Security.Cryptography;
using Crm.Sdk.Encryption;

namespace Crm.Sdk.Sqlite.Tests.Encryption;

/// <summary>
/// A stand-in for a remote KMS (Azure Key Vault, AWS KMS, Vault Transit…): it only wraps and unwraps. Its keys live inside
/// this object, AES-256-GCM with a random nonce, and nothing hands them out: what Crm.Sdk sees is a key id and two calls.
/// Wrapped form: <c>nonce (12) || ciphertext || tag (16)</c>, the key id as associated data.
/// </summary>
internal sealed class KmsStub : IKeyEncryptionKeyProvider
{
    private readonly Dictionary<string, Key> _keys = new(StringComparer.Ordinal);
    private string _current;

    public KmsStub(string currentKeyId = "kms-key-1")
    {
        _current = currentKeyId;
        AddKey(currentKeyId);
    }

    /// <summary>How many wrap and unwrap calls reached the KMS.</summary>
    public int Calls => _keys.Values.Sum(k => k.Calls);

    /// <summary>Creates a key inside the KMS and makes it current (rotation).</summary>
    public void Rotate(string keyId)
    {
        AddKey(keyId);
        _current = keyId;
    }

    public ValueTask<IKeyEncryptionKey> GetCurrentKeyAsync(CancellationToken cancellationToken = default) =>
        ValueTask.FromResult<IKeyEncryptionKey>(_keys[_current]);

    public ValueTask<IKeyEncryptionKey?> GetKeyAsync(string keyId, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult<IKeyEncryptionKey?>(_keys.GetValueOrDefault(keyId));

    private void AddKey(string keyId) => _keys[keyId] = new Key(keyId);

    private sealed class Key(string keyId) : IKeyEncryptionKey
    {
        private readonly byte[] _secret = RandomNumberGenerator.GetBytes(32);
        private int _calls;

        public string KeyId => keyId;

        public int Calls => _calls;

        public ValueTask<byte[]> WrapKeyAsync(ReadOnlyMemory<byte> key, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _calls);
            var wrapped = new byte[12 + key.Length + 16];
            RandomNumberGenerator.Fill(wrapped.AsSpan(0, 12));
            using var gcm = new AesGcm(_secret, 16);
            gcm.Encrypt(wrapped.AsSpan(0, 12), key.Span, wrapped.AsSpan(12, key.Length), wrapped.AsSpan(12 + key.Length), System.Text.Encoding.ASCII.GetBytes(keyId));
            return ValueTask.FromResult(wrapped);
        }

        public ValueTask<byte[]> UnwrapKeyAsync(ReadOnlyMemory<byte> wrappedKey, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _calls);
            var wrapped = wrappedKey.Span;
            if (wrapped.Length < 28)
            {
                throw new CryptographicException("Too short.");
            }

            var key = new byte[wrapped.Length - 28];
            using var gcm = new AesGcm(_secret, 16);
            gcm.Decrypt(wrapped[..12], wrapped[12..^16], wrapped[^16..], key, System.Text.Encoding.ASCII.GetBytes(keyId));
            return ValueTask.FromResult(key);
        }
    }
}
