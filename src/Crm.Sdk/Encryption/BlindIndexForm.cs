using System.Globalization;

namespace Crm.Sdk.Encryption;

/// <summary>
/// How a customer's blind indexes were computed: the version, the key id and, for version 2, the length of each field's
/// index. Its text is stored in the customer document (<c>blindIndexForm</c>) and in the registry of forms in use
/// (<see cref="BlindIndexFormRegistry"/>): <c>bi1:&lt;key id&gt;</c>, or <c>bi2:&lt;key id&gt;:&lt;email bits&gt;.&lt;phone bits&gt;.&lt;name-prefix bits&gt;</c>.
/// </summary>
/// <param name="Version">1 (legacy, 128 bits, key derived from a root key) or 2 (a blind-index key of its own, lengths per field).</param>
/// <param name="KeyId">The id of the blind-index key (version 1: of the root key it derives from).</param>
/// <param name="Lengths">The lengths of version 2; <see langword="null"/> for version 1.</param>
internal sealed record BlindIndexForm(int Version, string KeyId, BlindIndexLengths? Lengths)
{
    /// <summary>The form of version 1 under a root key.</summary>
    public static BlindIndexForm V1(string rootKeyId) => new(1, rootKeyId, null);

    /// <summary>The bytes an index of <paramref name="purpose"/> keeps in this form.</summary>
    public int BytesFor(string purpose) => Lengths is { } lengths ? lengths.BytesFor(purpose) : BlindIndexer.Version1Size;

    /// <summary>The stored text of the form.</summary>
    public override string ToString() =>
        Lengths is { } l
            ? string.Create(CultureInfo.InvariantCulture, $"bi{Version}:{KeyId}:{l.EmailBits}.{l.PhoneBits}.{l.NamePrefixBits}")
            : $"bi{Version}:{KeyId}";

    /// <summary>Reads a stored form; <see langword="null"/> when the text is not one.</summary>
    public static BlindIndexForm? Parse(string? text)
    {
        var parts = text?.Split(':');
        if (parts is null || !RootKey.IsValidId(parts.ElementAtOrDefault(1)))
        {
            return null;
        }

        if (parts is ["bi1", var v1Key])
        {
            return V1(v1Key);
        }

        if (parts is ["bi2", var key, var lengths] && lengths.Split('.') is [var e, var p, var n]
            && int.TryParse(e, NumberStyles.None, CultureInfo.InvariantCulture, out var emailBits)
            && int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out var phoneBits)
            && int.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out var nameBits)
            && BlindIndexLengths.IsValid(emailBits) && BlindIndexLengths.IsValid(phoneBits) && BlindIndexLengths.IsValid(nameBits))
        {
            return new BlindIndexForm(2, key, new BlindIndexLengths(emailBits, phoneBits, nameBits));
        }

        return null;
    }
}

/// <summary>The length of the blind index of each indexed field, in bits (multiples of 8).</summary>
/// <param name="EmailBits">Of <c>customers/emails</c>.</param>
/// <param name="PhoneBits">Of <c>customers/phones</c>.</param>
/// <param name="NamePrefixBits">Of <c>customers/display_name</c> (name prefixes).</param>
internal sealed record BlindIndexLengths(int EmailBits, int PhoneBits, int NamePrefixBits)
{
    /// <summary>The purpose of e-mail indexes.</summary>
    public const string EmailPurpose = "customers/emails";

    /// <summary>The purpose of phone indexes.</summary>
    public const string PhonePurpose = "customers/phones";

    /// <summary>The purpose of name-prefix indexes.</summary>
    public const string NamePrefixPurpose = "customers/display_name";

    /// <summary>The defaults of <see cref="FieldEncryptionOptions"/>.</summary>
    public static BlindIndexLengths Default { get; } = new(
        FieldEncryptionOptions.DefaultEmailBlindIndexBits, FieldEncryptionOptions.DefaultPhoneBlindIndexBits, FieldEncryptionOptions.DefaultNamePrefixBlindIndexBits);

    /// <summary>Whether a length is allowed: a multiple of 8 from <see cref="FieldEncryptionOptions.MinBlindIndexBits"/> to <see cref="FieldEncryptionOptions.MaxBlindIndexBits"/>.</summary>
    public static bool IsValid(int bits) =>
        bits is >= FieldEncryptionOptions.MinBlindIndexBits and <= FieldEncryptionOptions.MaxBlindIndexBits && bits % 8 == 0;

    /// <summary>The bytes kept for a purpose.</summary>
    /// <exception cref="ArgumentException">The purpose is not one of the three indexed fields.</exception>
    public int BytesFor(string purpose) => purpose switch
    {
        EmailPurpose => EmailBits / 8,
        PhonePurpose => PhoneBits / 8,
        NamePrefixPurpose => NamePrefixBits / 8,
        _ => throw new ArgumentException($"No blind-index length is configured for purpose '{purpose}'.", nameof(purpose)),
    };
}
