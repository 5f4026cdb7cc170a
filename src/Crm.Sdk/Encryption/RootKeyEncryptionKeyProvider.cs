using System.Security.Cryptography;

namespace Crm.Sdk.Encryption;

/// <summary>
/// The local key-encryption keys: the root keys of an <see cref="IRootKeyProvider"/>, each wrapping with AES Key Wrap
/// with Padding (RFC 5649, <see cref="Aes.EncryptKeyWrapPadded(ReadOnlySpan{byte})"/>). Used when the host registered no
/// <see cref="IKeyEncryptionKeyProvider"/> of its own. Root keys also derive the legacy blind-index keys
/// (<see cref="RootKeys"/>), which a KMS-held key cannot.
/// </summary>
internal sealed class RootKeyEncryptionKeyProvider(IRootKeyProvider rootKeys) : IKeyEncryptionKeyProvider
{
    /// <summary>The root keys behind this provider.</summary>
    public IRootKeyProvider RootKeys { get; } = rootKeys ?? throw new ArgumentNullException(nameof(rootKeys));

    public async ValueTask<IKeyEncryptionKey> GetCurrentKeyAsync(CancellationToken cancellationToken = default) =>
        new Local(await RootKeys.GetCurrentKeyAsync(cancellationToken).ConfigureAwait(false));

    public async ValueTask<IKeyEncryptionKey?> GetKeyAsync(string keyId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keyId);
        return await RootKeys.GetKeyAsync(keyId, cancellationToken).ConfigureAwait(false) is { } root ? new Local(root) : null;
    }

    /// <summary>One root key as a key-encryption key: RFC 5649 under the root key's bytes.</summary>
    internal sealed class Local(RootKey root) : IKeyEncryptionKey
    {
        public string KeyId => root.Id;

        public ValueTask<byte[]> WrapKeyAsync(ReadOnlyMemory<byte> key, CancellationToken cancellationToken = default)
        {
            using var aes = Aes.Create();
            aes.SetKey(root.Material);
            return ValueTask.FromResult(aes.EncryptKeyWrapPadded(key.Span));
        }

        public ValueTask<byte[]> UnwrapKeyAsync(ReadOnlyMemory<byte> wrappedKey, CancellationToken cancellationToken = default)
        {
            using var aes = Aes.Create();
            aes.SetKey(root.Material);
            try
            {
                return ValueTask.FromResult(aes.DecryptKeyWrapPadded(wrappedKey.Span));
            }
            catch (ArgumentException e)
            {
                // Too short or not a multiple of 8 bytes: as altered as a failed integrity check.
                throw new CryptographicException("The wrapped key is not an RFC 5649 output.", e);
            }
        }
    }
}
