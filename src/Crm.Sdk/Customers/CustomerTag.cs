using Crm.Sdk.Domain;

namespace Crm.Sdk.Customers;

/// <summary>
/// The tag rule: a tag is trimmed and case-folded, 1–64 characters before and after folding, and follows the text rules
/// of every field (no control characters, no unpaired surrogates). A customer's tags are a set: adding a tag twice (in
/// any case, in full-width or half-width letters) keeps one.
/// </summary>
/// <remarks>
/// Folding is the Unicode NFKC_Casefold mapping, computed the same way on every host and in every globalization mode:
/// <c>VIP</c>, <c>vip</c> and <c>ＶＩＰ</c> are the tag <c>vip</c>; <c>Straße</c> is <c>strasse</c>; accents are kept
/// (<c>café</c> and <c>cafe</c> are two tags). See the name-search article for the full rule.
/// </remarks>
public static class CustomerTag
{
    /// <summary>The longest tag accepted.</summary>
    public const int MaxLength = 64;

    /// <summary>Normalizes a tag.</summary>
    /// <param name="tag">The tag as entered.</param>
    /// <returns>The tag trimmed and case-folded (NFKC_Casefold).</returns>
    /// <exception cref="CrmValidationException">The tag is blank (field <c>Tag</c>, rule <c>required</c>), too long (<c>max-length</c>), has control characters
    /// (<c>control-characters</c>) or an unpaired surrogate (<c>invalid-unicode</c>).</exception>
    public static string Normalize(string tag)
    {
        var errors = new List<ValidationError>();
        var normalized = Validate(tag, "Tag", errors);
        InputRules.ThrowIfAny(errors);
        return normalized!;
    }

    /// <summary>The normalized form of a tag, or <see langword="null"/> when it is not a valid tag.</summary>
    internal static string? TryNormalize(string tag) => Validate(tag, "Tag", []);

    /// <summary>Checks a tag, adding an error under <paramref name="field"/>; returns the normalized tag or <see langword="null"/>.</summary>
    internal static string? Validate(string? tag, string field, List<ValidationError> errors)
    {
        var trimmed = InputRules.Required(tag, field, MaxLength, errors);
        if (trimmed is null)
        {
            return null;
        }

        var folded = TextKey.Of(trimmed);
        if (folded.Length == 0)
        {
            errors.Add(new ValidationError(field, "required", $"{field} is required; '{trimmed}' has no letters left once folded."));
            return null;
        }

        if (folded.Length > MaxLength)
        {
            errors.Add(new ValidationError(field, "max-length", $"{field} must be at most {MaxLength} characters once folded (it has {folded.Length})."));
            return null;
        }

        return folded;
    }
}
