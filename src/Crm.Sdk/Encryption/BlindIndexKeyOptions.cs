namespace Crm.Sdk.Encryption;

/// <summary>One blind-index key in <see cref="FieldEncryptionOptions.BlindIndexKeys"/>.</summary>
public sealed class BlindIndexKeyOptions
{
    /// <summary>The key id, stored in clear in every blind index it computes (see <see cref="RootKey.IsValidId"/>).</summary>
    public string? Id { get; set; }

    /// <summary>
    /// The key: 32 random bytes in standard base64, for example from <c>openssl rand -base64 32</c>. A secret of its own,
    /// never one of the root keys: whoever holds it can test guessed values against the indexes of a stolen database.
    /// </summary>
    public string? Base64Key { get; set; }
}
