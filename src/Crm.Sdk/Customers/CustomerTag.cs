namespace Crm.Sdk.Customers;

/// <summary>
/// The tag rule: a tag is trimmed and lower-cased (invariant culture), 1–64 characters, without control characters.
/// A customer's tags are a set: adding a tag twice (in any case) keeps one.
/// </summary>
public static class CustomerTag
{
    /// <summary>The longest tag accepted.</summary>
    public const int MaxLength = 64;

    /// <summary>Normalizes a tag.</summary>
    /// <param name="tag">The tag as entered.</param>
    /// <returns>The tag trimmed and lower-cased.</returns>
    /// <exception cref="CrmValidationException">The tag is blank, too long or has control characters (field <c>Tag</c>, rule <c>tag-format</c>).</exception>
    public static string Normalize(string tag)
    {
        var errors = new List<ValidationError>();
        var normalized = Validate(tag, "Tag", errors);
        CustomerText.ThrowIfAny(errors);
        return normalized!;
    }

    /// <summary>Checks a tag, adding an error under <paramref name="field"/>; returns the normalized tag or <see langword="null"/>.</summary>
    internal static string? Validate(string? tag, string field, List<ValidationError> errors)
    {
        var normalized = tag?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(normalized) || normalized.Length > MaxLength || CustomerText.HasControlChars(normalized))
        {
            errors.Add(new ValidationError(field, "tag-format", $"'{tag}' is not a valid tag: 1 to {MaxLength} characters without control characters."));
            return null;
        }

        return normalized;
    }
}
