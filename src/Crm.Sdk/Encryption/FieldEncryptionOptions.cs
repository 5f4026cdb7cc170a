namespace Crm.Sdk.Encryption;

/// <summary>
/// Options of field-level encryption when the root keys come from configuration (<see cref="OptionsRootKeyProvider"/>).
/// Bind them from a secret store, never from a file checked into source control.
/// </summary>
public sealed class FieldEncryptionOptions
{
    /// <summary>Every root key still in use: the current one and, during a rotation, the older ones.</summary>
    public IList<RootKeyOptions> RootKeys { get; } = [];

    /// <summary>
    /// The id of the key that protects new data. May be left empty when <see cref="RootKeys"/> holds exactly one key.
    /// </summary>
    public string? CurrentRootKeyId { get; set; }
}
