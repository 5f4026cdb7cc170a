using Microsoft.Extensions.Options;

namespace Crm.Sdk.Encryption;

/// <summary>
/// The default <see cref="IRootKeyProvider"/>: root keys given as base64 in <see cref="FieldEncryptionOptions"/>,
/// validated once when the provider is created.
/// </summary>
public sealed class OptionsRootKeyProvider : IRootKeyProvider
{
    private readonly IReadOnlyList<RootKey> _keys;
    private readonly Dictionary<string, RootKey> _byId;

    /// <summary>Creates the provider and validates the options.</summary>
    /// <param name="options">The options holding the keys.</param>
    /// <exception cref="CrmConfigurationException">A key is missing, not base64 or not 32 bytes, an id is invalid or repeated, or the current id names no key.</exception>
    public OptionsRootKeyProvider(IOptions<FieldEncryptionOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _keys = FieldEncryptionOptionsValidator.ToRootKeys(options.Value);
        _byId = _keys.ToDictionary(k => k.Id, StringComparer.Ordinal);
    }

    /// <inheritdoc />
    public ValueTask<RootKey> GetCurrentKeyAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult(_keys[0]);

    /// <inheritdoc />
    public ValueTask<RootKey?> GetKeyAsync(string keyId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keyId);
        return ValueTask.FromResult(_byId.GetValueOrDefault(keyId));
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<RootKey>> GetAllKeysAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult(_keys);
}
