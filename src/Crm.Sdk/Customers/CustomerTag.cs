using Crm.Sdk.Domain;

namespace Crm.Sdk.Customers;

/// <summary>
/// The tag rule: a tag is trimmed and lower-cased (invariant culture), 1–64 characters, and follows the text rules of
/// every field (no control characters, no unpaired surrogates).
/// A customer's tags are a set: adding a tag twice (in any case) keeps one.
/// </summary>
public static class CustomerTag
{
    /// <summary>The longest tag accepted.</summary>
    public const int MaxLength = 64;

    /// <summary>Normalizes a tag.</summary>
    /// <param name="tag">The tag as entered.</param>
    /// <returns>The tag trimmed and lower-cased.</returns>
    /// <exception cref="CrmValidationException">The tag is blank (field <c>Tag</c>, rule <c>required</c>), too long (<c>max-length</c>), has control characters
    /// (<c>control-characters</c>) or an unpaired surrogate (<c>invalid-unicode</c>).</exception>
    public static string Normalize(string tag)
    {
        var errors = new List<ValidationError>();
        var normalized = Validate(tag, "Tag", errors);
        InputRules.ThrowIfAny(errors);
        return normalized!;
    }

    /// <summary>Checks a tag, adding an error under <paramref name="field"/>; returns the normalized tag or <see langword="null"/>.</summary>
    internal static string? Validate(string? tag, string field, List<ValidationError> errors)
    {
        return InputRules.Required(tag, field, MaxLength, errors)?.ToLowerInvariant();
    }
}
