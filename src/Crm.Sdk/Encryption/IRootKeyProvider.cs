namespace Crm.Sdk.Encryption;

/// <summary>
/// Supplies the root keys that wrap the per-customer data keys and derive the blind-index keys. Root keys never live
/// in the CRM database: implement this over a key vault or HSM-backed secret store, or use
/// <see cref="OptionsRootKeyProvider"/>. Several keys may be live at once for rotation: new data is protected with the
/// current key, and older keys stay available by id until everything they protect has been re-wrapped or re-indexed.
/// </summary>
public interface IRootKeyProvider
{
    /// <summary>Gets the key that protects new data keys and computes new blind indexes.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The current root key.</returns>
    ValueTask<RootKey> GetCurrentKeyAsync(CancellationToken cancellationToken = default);

    /// <summary>Gets a root key by its id, or <see langword="null"/> when the provider does not know that id.</summary>
    /// <param name="keyId">The id stored next to a wrapped data key or inside a blind index.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The key, or <see langword="null"/> when unknown.</returns>
    ValueTask<RootKey?> GetKeyAsync(string keyId, CancellationToken cancellationToken = default);

    /// <summary>Gets every root key still usable, current key first (lookups by blind index try each during rotation).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The keys, the current one first.</returns>
    ValueTask<IReadOnlyList<RootKey>> GetAllKeysAsync(CancellationToken cancellationToken = default);
}
