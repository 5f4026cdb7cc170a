namespace Crm.Sdk.Encryption;

/// <summary>
/// Supplies the key-encryption keys (<see cref="IKeyEncryptionKey"/>) that wrap the per-customer data keys. Register
/// your own as a singleton to keep the key in a KMS or HSM; no key material then exists in the process, and the blind-index
/// keys must be configured on their own (<see cref="FieldEncryptionOptions.BlindIndexKeys"/>). When none is registered,
/// the root keys of <see cref="IRootKeyProvider"/> (by default <see cref="FieldEncryptionOptions.RootKeys"/>) serve.
/// </summary>
/// <remarks>
/// Rotation: make a new key current, keep the old one served by <see cref="GetKeyAsync"/>, run
/// <see cref="IEncryptionMaintenance.RewrapDataKeysAsync"/>, then retire the old one. Crm.Sdk refuses to start when the
/// database holds data keys wrapped by a key id this provider does not know.
/// </remarks>
public interface IKeyEncryptionKeyProvider
{
    /// <summary>Gets the key that wraps new data keys.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The current key.</returns>
    ValueTask<IKeyEncryptionKey> GetCurrentKeyAsync(CancellationToken cancellationToken = default);

    /// <summary>Gets a key by id, or <see langword="null"/> when the provider does not know that id.</summary>
    /// <param name="keyId">The id stored next to a wrapped data key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The key, or <see langword="null"/> when unknown.</returns>
    ValueTask<IKeyEncryptionKey?> GetKeyAsync(string keyId, CancellationToken cancellationToken = default);
}
