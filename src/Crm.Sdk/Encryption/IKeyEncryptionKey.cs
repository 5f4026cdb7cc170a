namespace Crm.Sdk.Encryption;

/// <summary>
/// A key-encryption key (KEK): wraps and unwraps the per-customer data keys, and does nothing else. It may live in a key
/// management service or an HSM (Azure Key Vault <c>wrapKey</c>/<c>unwrapKey</c>, AWS KMS <c>Encrypt</c>/<c>Decrypt</c>,
/// Vault Transit, PKCS#11 <c>C_WrapKey</c>…) that never exports it: Crm.Sdk only ever hands it a data key to wrap and a
/// wrapped key to unwrap. The default implementation is a local root key (<see cref="FieldEncryptionOptions.RootKeys"/>,
/// AES Key Wrap with Padding, RFC 5649).
/// </summary>
/// <remarks>
/// What Crm.Sdk gives <see cref="WrapKeyAsync"/> is 64 bytes: the data key and the ids of the data key and of its
/// customer (see FORMAT.md, "Wrapped data key"), so a wrapped key copied to another row fails to unwrap even with a KEK
/// that takes no associated data. The wrapping must be authenticated (AES-KW, AES-GCM, RSA-OAEP…): an altered wrapped key
/// must fail to unwrap, never unwrap to other bytes.
/// </remarks>
public interface IKeyEncryptionKey
{
    /// <summary>
    /// The id of this key, stored in clear next to every data key it wrapped, and asked back from
    /// <see cref="IKeyEncryptionKeyProvider.GetKeyAsync"/>: 1 to 64 characters among ASCII letters, digits, '.', '_' and
    /// '-' (see <see cref="RootKey.IsValidId"/>), for example a key version name. A key with the same id must always be
    /// the same key.
    /// </summary>
    string KeyId { get; }

    /// <summary>Wraps (encrypts) key material with this key.</summary>
    /// <param name="key">The bytes to wrap; never kept by the caller after the call.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The wrapped bytes, stored in the database.</returns>
    ValueTask<byte[]> WrapKeyAsync(ReadOnlyMemory<byte> key, CancellationToken cancellationToken = default);

    /// <summary>Unwraps (decrypts and authenticates) bytes returned by <see cref="WrapKeyAsync"/>.</summary>
    /// <param name="wrappedKey">The wrapped bytes.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The unwrapped bytes; the caller zeroes them after use.</returns>
    /// <exception cref="System.Security.Cryptography.CryptographicException">
    /// The bytes were not wrapped by this key or were altered. Crm.Sdk reports it as a
    /// <see cref="CryptographicIntegrityException"/> with <see cref="CryptographicIntegrityFailure.KeyUnwrapFailed"/>; any
    /// other exception (a network error, access denied) reaches the caller unchanged.
    /// </exception>
    ValueTask<byte[]> UnwrapKeyAsync(ReadOnlyMemory<byte> wrappedKey, CancellationToken cancellationToken = default);
}
