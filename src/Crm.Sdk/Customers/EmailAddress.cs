using System.Diagnostics.CodeAnalysis;
using Crm.Sdk.Domain;

namespace Crm.Sdk.Customers;

/// <summary>
/// An email address, checked with a deliberately simple rule (RFC 5322 "lite"): <c>local@domain</c> with exactly one
/// <c>@</c>, a local part of 1–64 characters, a domain of dot-separated labels (letters, digits, hyphens; at least two
/// labels, the last one — the top-level domain — of at least two letters, or an <c>xn--</c> name), no white space or
/// control characters, valid Unicode, and at most 254 characters in all. Quoted local parts and IP-literal
/// domains are not accepted. Two addresses are equal when their <see cref="Normalized"/> forms are equal.
/// </summary>
public sealed record EmailAddress
{
    /// <summary>The longest address accepted (RFC 5321 path limit).</summary>
    public const int MaxLength = 254;

    private const int MaxLocalPartLength = 64;

    private EmailAddress(string value)
    {
        Value = value;
        Normalized = Normalize(value);
    }

    /// <summary>The address as given, trimmed.</summary>
    public string Value { get; }

    /// <summary>
    /// The address trimmed and case-folded (Unicode NFKC_Casefold, the same on every host and in every globalization
    /// mode): the form used for equality, search and dedupe. An ASCII address is simply lower-cased.
    /// </summary>
    public string Normalized { get; }

    /// <summary>Parses and checks an address.</summary>
    /// <param name="value">The address, for example <c>Ada@Example.com</c>; surrounding white space is ignored.</param>
    /// <returns>The address.</returns>
    /// <exception cref="CrmValidationException">The address is not valid (field <c>Email</c>: rule <c>email-format</c>, or a text rule: <c>required</c>, <c>max-length</c>, <c>control-characters</c>, <c>invalid-unicode</c>).</exception>
    public static EmailAddress Parse(string value)
    {
        var errors = new List<ValidationError>();
        var email = Validate(value, "Email", errors);
        InputRules.ThrowIfAny(errors);
        return email!;
    }

    /// <summary>Tries to parse an address.</summary>
    /// <param name="value">The address.</param>
    /// <param name="result">The address, when valid.</param>
    /// <returns>Whether the address is valid.</returns>
    public static bool TryParse([NotNullWhen(true)] string? value, [NotNullWhen(true)] out EmailAddress? result)
    {
        result = Validate(value, "Email", []);
        return result is not null;
    }

    /// <summary>
    /// The normalized form of an address: trimmed and case-folded (Unicode NFKC_Casefold: an ASCII address is lower-cased;
    /// full-width letters become ASCII, <c>ß</c> becomes <c>ss</c>). Does not check the format.
    /// </summary>
    /// <param name="value">The address.</param>
    /// <returns>The normalized text.</returns>
    public static string Normalize(string value) => TextKey.Of(value);

    /// <inheritdoc />
    public bool Equals(EmailAddress? other) =>
        other is not null && string.Equals(Normalized, other.Normalized, StringComparison.Ordinal);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Normalized);

    /// <inheritdoc />
    public override string ToString() => Value;

    /// <summary>Checks an address, adding errors under <paramref name="field"/>; returns the address or <see langword="null"/>.</summary>
    internal static EmailAddress? Validate(string? value, string field, List<ValidationError> errors)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            errors.Add(new ValidationError(field, "required", $"{field} is required."));
            return null;
        }

        if (!InputRules.Check(trimmed, field, MaxLength, errors))
        {
            return null;
        }

        if (!IsWellFormed(trimmed))
        {
            errors.Add(new ValidationError(field, "email-format", $"'{trimmed}' is not a valid email address (local@domain.tld, no spaces, at most {MaxLength} characters)."));
            return null;
        }

        return new EmailAddress(trimmed);
    }

    /// <summary>Restores a stored address without checking it again.</summary>
    internal static EmailAddress FromStored(string value) => new(value);

    private static bool IsWellFormed(string address)
    {
        if (address.Length > MaxLength || address.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            return false;
        }

        var at = address.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || at != address.LastIndexOf('@') || at == address.Length - 1)
        {
            return false;
        }

        var local = address[..at];
        var domain = address[(at + 1)..];
        return IsValidLocalPart(local) && IsValidDomain(domain);
    }

    private static bool IsValidLocalPart(string local) =>
        local.Length <= MaxLocalPartLength
        && local[0] != '.'
        && local[^1] != '.'
        && !local.Contains("..", StringComparison.Ordinal)
        && !local.Any(c => "\"(),:;<>[\\]".Contains(c, StringComparison.Ordinal));

    private static bool IsValidDomain(string domain)
    {
        var labels = domain.Split('.');
        return labels.Length >= 2 && labels.All(IsValidLabel) && IsTopLevelDomain(labels[^1]);
    }

    /// <summary>A top-level domain is at least two letters (<c>com</c>, <c>中国</c>) or an IDNA name (<c>xn--fiqs8s</c>); never digits only.</summary>
    private static bool IsTopLevelDomain(string label) =>
        label.StartsWith("xn--", StringComparison.OrdinalIgnoreCase)
            ? label.Length > 4
            : label.Length >= 2 && label.All(char.IsLetter);

    private static bool IsValidLabel(string label) =>
        label.Length is > 0 and <= 63
        && label[0] != '-'
        && label[^1] != '-'
        && label.All(c => char.IsLetterOrDigit(c) || c == '-');
}
