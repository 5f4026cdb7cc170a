using System.Security.Cryptography;
using NodaTime;

namespace Crm.Sdk.Encryption;

/// <summary>
/// Wraps and unwraps per-customer data keys with the key-encryption keys of an <see cref="IKeyEncryptionKeyProvider"/>.
/// New keys are wrapped in format 2, bound to their data key id and customer id (see <see cref="WrappedDataKey"/>);
/// format 1 keys still unwrap. A wrong key, altered wrapped bytes, or a wrapped key moved to another row fail with
/// <see cref="CryptographicIntegrityException"/> (<see cref="CryptographicIntegrityFailure.KeyUnwrapFailed"/>).
/// </summary>
internal sealed class DataKeyWrapper
{
    private readonly IKeyEncryptionKeyProvider _keys;

    /// <summary>Creates the wrapper over a key-encryption key provider.</summary>
    public DataKeyWrapper(IKeyEncryptionKeyProvider keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        _keys = keys;
    }

    /// <summary>Wraps a data key of a customer with the current key-encryption key, in the current format.</summary>
    public async Task<WrappedDataKey> WrapAsync(DataKey key, Guid customerId, Instant createdAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        var kek = await CurrentAsync(cancellationToken).ConfigureAwait(false);
        return await WrapAsync(key, customerId, kek, createdAt, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Unwraps a data key with the key-encryption key it names, checking that it belongs to its row.</summary>
    /// <exception cref="CryptographicIntegrityException">The key is unknown or wrong, the wrapped bytes were altered, or they belong to another data key or customer.</exception>
    public async Task<DataKey> UnwrapAsync(WrappedDataKey wrapped, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(wrapped);
        var kek = await _keys.GetKeyAsync(wrapped.RootKeyId, cancellationToken).ConfigureAwait(false)
            ?? throw new CryptographicIntegrityException(
                CryptographicIntegrityFailure.UnknownKey,
                $"Data key {wrapped.DataKeyId} is wrapped by root key '{wrapped.RootKeyId}', which the key-encryption key provider does not know. Restore that root key in the provider.")
            {
                KeyId = wrapped.RootKeyId,
            };
        return await UnwrapAsync(wrapped, kek, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Whether a stored key needs <see cref="RewrapAsync"/>: another key-encryption key, or an older format.</summary>
    public static bool NeedsRewrap(WrappedDataKey wrapped, string currentKeyId) =>
        wrapped.Format != WrappedDataKey.CurrentFormat || !string.Equals(wrapped.RootKeyId, currentKeyId, StringComparison.Ordinal);

    /// <summary>
    /// Re-wraps a data key with the current key-encryption key in the current format (rotation, and the move of format-1 keys
    /// to format 2); returns <paramref name="wrapped"/> itself when nothing is needed. The data key and its id do not
    /// change, so no envelope changes.
    /// </summary>
    public async Task<WrappedDataKey> RewrapAsync(WrappedDataKey wrapped, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(wrapped);
        var current = await CurrentAsync(cancellationToken).ConfigureAwait(false);
        if (!NeedsRewrap(wrapped, current.KeyId))
        {
            return wrapped;
        }

        using var key = await UnwrapAsync(wrapped, cancellationToken).ConfigureAwait(false);
        return await WrapAsync(key, wrapped.CustomerId, current, wrapped.CreatedAt, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Wraps a data key with a given key-encryption key, in the current format.</summary>
    public static async Task<WrappedDataKey> WrapAsync(DataKey key, Guid customerId, IKeyEncryptionKey kek, Instant createdAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(kek);
        var plaintext = new byte[WrappedDataKey.BoundSize];
        try
        {
            key.Material.CopyTo(plaintext);
            CryptoEncoding.WriteGuid(plaintext.AsSpan(DataKey.SizeInBytes), key.Id);
            CryptoEncoding.WriteGuid(plaintext.AsSpan(DataKey.SizeInBytes + CryptoEncoding.GuidSize), customerId);
            var wrapped = await kek.WrapKeyAsync(plaintext, cancellationToken).ConfigureAwait(false);
            return new WrappedDataKey(key.Id, customerId, CheckedId(kek), wrapped, createdAt);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }

    /// <summary>Unwraps a data key with a given key-encryption key.</summary>
    /// <exception cref="CryptographicIntegrityException">The key is not the one that wrapped it, the wrapped bytes were altered, or they belong to another data key or customer.</exception>
    public static async Task<DataKey> UnwrapAsync(WrappedDataKey wrapped, IKeyEncryptionKey kek, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(wrapped);
        ArgumentNullException.ThrowIfNull(kek);
        if (!string.Equals(wrapped.RootKeyId, kek.KeyId, StringComparison.Ordinal))
        {
            throw new ArgumentException($"Data key {wrapped.DataKeyId} is wrapped by root key '{wrapped.RootKeyId}', not '{kek.KeyId}'.", nameof(kek));
        }

        byte[] unwrapped;
        try
        {
            unwrapped = await kek.UnwrapKeyAsync(wrapped.WrappedKey, cancellationToken).ConfigureAwait(false);
        }
        catch (CryptographicException e)
        {
            throw UnwrapFailed(wrapped, "the root key configured under that id is not the one that wrapped it, or the wrapped key was altered", e);
        }

        switch (wrapped.Format)
        {
            case 1 when unwrapped.Length == DataKey.SizeInBytes:
                return DataKey.TakeOwnership(wrapped.DataKeyId, unwrapped);
            case WrappedDataKey.CurrentFormat when unwrapped.Length == WrappedDataKey.BoundSize:
                var dataKeyId = CryptoEncoding.ReadGuid(unwrapped.AsSpan(DataKey.SizeInBytes));
                var customerId = CryptoEncoding.ReadGuid(unwrapped.AsSpan(DataKey.SizeInBytes + CryptoEncoding.GuidSize));
                if (dataKeyId != wrapped.DataKeyId || customerId != wrapped.CustomerId)
                {
                    CryptographicOperations.ZeroMemory(unwrapped);
                    throw UnwrapFailed(wrapped, $"it holds the key of data key {dataKeyId} of customer {customerId}, not of this row (customer {wrapped.CustomerId}): the wrapped key was moved from another row", null, wrapped.DataKeyId.ToString());
                }

                var material = unwrapped[..DataKey.SizeInBytes];
                CryptographicOperations.ZeroMemory(unwrapped);
                return DataKey.TakeOwnership(wrapped.DataKeyId, material);
            default:
                CryptographicOperations.ZeroMemory(unwrapped);
                throw UnwrapFailed(wrapped, $"it unwraps to {unwrapped.Length} bytes, not the size of wrapped-key format {wrapped.Format}", null);
        }
    }

    private async Task<IKeyEncryptionKey> CurrentAsync(CancellationToken cancellationToken) =>
        await _keys.GetCurrentKeyAsync(cancellationToken).ConfigureAwait(false)
        ?? throw new CrmConfigurationException($"The {nameof(IKeyEncryptionKeyProvider)} returned no current key.");

    private static string CheckedId(IKeyEncryptionKey kek) =>
        RootKey.IsValidId(kek.KeyId)
            ? kek.KeyId
            : throw new CrmConfigurationException($"The key-encryption key id '{kek.KeyId}' is invalid: use 1 to {RootKey.MaxIdLength} characters among ASCII letters, digits, '.', '_' and '-'.");

    private static CryptographicIntegrityException UnwrapFailed(WrappedDataKey wrapped, string reason, Exception? inner, string? keyId = null) =>
        new(
            CryptographicIntegrityFailure.KeyUnwrapFailed,
            $"Data key {wrapped.DataKeyId} could not be unwrapped with root key '{wrapped.RootKeyId}': {reason}.",
            inner)
        {
            KeyId = keyId ?? wrapped.RootKeyId,
        };
}
