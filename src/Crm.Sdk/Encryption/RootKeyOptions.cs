namespace Crm.Sdk.Encryption;

/// <summary>One root key in <see cref="FieldEncryptionOptions.RootKeys"/>.</summary>
public sealed class RootKeyOptions
{
    /// <summary>The key id, stored in clear next to what the key protects (see <see cref="RootKey.IsValidId"/>).</summary>
    public string? Id { get; set; }

    /// <summary>The key: 32 random bytes in standard base64, for example from <c>openssl rand -base64 32</c>.</summary>
    public string? Base64Key { get; set; }
}
