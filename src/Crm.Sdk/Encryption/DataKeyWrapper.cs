using System.Security.Cryptography;
using NodaTime;

namespace Crm.Sdk.Encryption;

/// <summary>
/// Wraps and unwraps per-customer data keys with a root key, using AES Key Wrap with Padding (RFC 5649,
/// <see cref="Aes.EncryptKeyWrapPadded(ReadOnlySpan{byte})"/>). Unwrapping checks the RFC 5649 integrity value, so a
/// wrong root key or altered wrapped bytes fail with <see cref="CryptographicIntegrityException"/>.
/// </summary>
internal sealed class DataKeyWrapper
{
    private readonly IRootKeyProvider _rootKeys;

    /// <summary>Creates the wrapper over a root key provider.</summary>
    public DataKeyWrapper(IRootKeyProvider rootKeys)
    {
        ArgumentNullException.ThrowIfNull(rootKeys);
        _rootKeys = rootKeys;
    }

    /// <summary>Wraps a data key with the current root key.</summary>
    public async Task<WrappedDataKey> WrapAsync(DataKey key, Instant createdAt, CancellationToken cancellationToken = default)
    {
        var root = await _rootKeys.GetCurrentKeyAsync(cancellationToken).ConfigureAwait(false);
        return Wrap(key, root, createdAt);
    }

    /// <summary>Unwraps a data key with the root key it names.</summary>
    /// <exception cref="CryptographicIntegrityException">The root key is unknown or wrong, or the wrapped bytes were altered.</exception>
    public async Task<DataKey> UnwrapAsync(WrappedDataKey wrapped, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(wrapped);
        var root = await _rootKeys.GetKeyAsync(wrapped.RootKeyId, cancellationToken).ConfigureAwait(false)
            ?? throw new CryptographicIntegrityException(
                CryptographicIntegrityFailure.UnknownKey,
                $"Data key {wrapped.DataKeyId} is wrapped by root key '{wrapped.RootKeyId}', which the root key provider does not know. Restore that root key in the provider.")
            {
                KeyId = wrapped.RootKeyId,
            };
        return Unwrap(wrapped, root);
    }

    /// <summary>
    /// Re-wraps a data key with the current root key (root key rotation); returns <paramref name="wrapped"/> itself when
    /// it is already wrapped by the current key. The data key and its id do not change, so no envelope changes.
    /// </summary>
    public async Task<WrappedDataKey> RewrapAsync(WrappedDataKey wrapped, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(wrapped);
        var current = await _rootKeys.GetCurrentKeyAsync(cancellationToken).ConfigureAwait(false);
        if (string.Equals(current.Id, wrapped.RootKeyId, StringComparison.Ordinal))
        {
            return wrapped;
        }

        using var key = await UnwrapAsync(wrapped, cancellationToken).ConfigureAwait(false);
        return Wrap(key, current, wrapped.CreatedAt);
    }

    /// <summary>Wraps a data key with a given root key.</summary>
    public static WrappedDataKey Wrap(DataKey key, RootKey root, Instant createdAt)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(root);
        using var aes = Aes.Create();
        aes.SetKey(root.Material);
        return new WrappedDataKey(key.Id, root.Id, aes.EncryptKeyWrapPadded(key.Material), createdAt);
    }

    /// <summary>Unwraps a data key with a given root key.</summary>
    /// <exception cref="CryptographicIntegrityException">The root key is not the one that wrapped the key, or the wrapped bytes were altered.</exception>
    public static DataKey Unwrap(WrappedDataKey wrapped, RootKey root)
    {
        ArgumentNullException.ThrowIfNull(wrapped);
        ArgumentNullException.ThrowIfNull(root);
        if (!string.Equals(wrapped.RootKeyId, root.Id, StringComparison.Ordinal))
        {
            throw new ArgumentException($"Data key {wrapped.DataKeyId} is wrapped by root key '{wrapped.RootKeyId}', not '{root.Id}'.", nameof(root));
        }

        byte[] unwrapped;
        try
        {
            using var aes = Aes.Create();
            aes.SetKey(root.Material);
            unwrapped = aes.DecryptKeyWrapPadded(wrapped.WrappedKey);
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException)
        {
            throw UnwrapFailed(wrapped, e);
        }

        if (unwrapped.Length != DataKey.SizeInBytes)
        {
            CryptographicOperations.ZeroMemory(unwrapped);
            throw UnwrapFailed(wrapped, null);
        }

        return DataKey.TakeOwnership(wrapped.DataKeyId, unwrapped);
    }

    private static CryptographicIntegrityException UnwrapFailed(WrappedDataKey wrapped, Exception? inner) =>
        new(
            CryptographicIntegrityFailure.KeyUnwrapFailed,
            $"Data key {wrapped.DataKeyId} could not be unwrapped with root key '{wrapped.RootKeyId}': the root key configured under that id is not the one that wrapped it, or the wrapped key was altered.",
            inner)
        {
            KeyId = wrapped.RootKeyId,
        };
}
