using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Crm.Sdk.Customers;

/// <summary>
/// A telephone number: the text as the user typed it (<see cref="Raw"/>) and its E.164 form (<see cref="E164"/>),
/// used for equality, search and dedupe.
/// </summary>
/// <remarks>
/// <para>
/// libphonenumber is not available to this project, so normalization is a small hand-written rule set, not a
/// numbering-plan check. It does not know each country's lengths or trunk prefixes; it only brings the common ways
/// of writing a number to one form:
/// </para>
/// <list type="number">
/// <item><description>White space, <c>-</c>, <c>.</c>, <c>(</c> and <c>)</c> are removed; any other character but digits and a leading <c>+</c> is an error.</description></item>
/// <item><description>A leading <c>+</c> or <c>00</c> marks an international number: the digits that follow are the country calling code and the number.</description></item>
/// <item><description>Otherwise the number is national: one leading trunk <c>0</c> is dropped and the default country calling code
/// (<see cref="CustomerPolicy.DefaultCountryCallingCode"/>) is put in front; without a default, a national number is an error.</description></item>
/// <item><description>The result must be <c>+</c> followed by 8 to 15 digits, the first not <c>0</c>.</description></item>
/// </list>
/// <para>
/// Examples with default code 44: <c>020 7946 0958</c> → <c>+442079460958</c>; <c>+44 (0)20</c> is not special-cased
/// (the <c>0</c> stays); <c>0044 20 7946 0958</c> → <c>+442079460958</c>; <c>+1 (415) 555-0100</c> → <c>+14155550100</c>.
/// Normalizing an E.164 result again returns it unchanged. Violations are reported with rule <c>phone-format</c>.
/// </para>
/// </remarks>
public sealed record PhoneNumber
{
    /// <summary>The longest raw text accepted.</summary>
    public const int MaxRawLength = 50;

    private const int MinDigits = 8;
    private const int MaxDigits = 15;

    private PhoneNumber(string raw, string e164)
    {
        Raw = raw;
        E164 = e164;
    }

    /// <summary>The number as given, trimmed.</summary>
    public string Raw { get; }

    /// <summary>The number in E.164 form: <c>+</c> and 8–15 digits, for example <c>+442079460958</c>.</summary>
    public string E164 { get; }

    /// <summary>Parses and normalizes a number.</summary>
    /// <param name="raw">The number as typed.</param>
    /// <param name="defaultCountryCallingCode">The calling code for national numbers (1–3 digits, for example <c>44</c>), or <see langword="null"/> to accept only international numbers.</param>
    /// <returns>The number.</returns>
    /// <exception cref="CrmValidationException">The number cannot be normalized (field <c>Phone</c>, rule <c>phone-format</c> or <c>required</c>).</exception>
    public static PhoneNumber Parse(string raw, string? defaultCountryCallingCode)
    {
        var errors = new List<ValidationError>();
        var phone = Validate(raw, defaultCountryCallingCode, "Phone", errors);
        CustomerText.ThrowIfAny(errors);
        return phone!;
    }

    /// <summary>Tries to parse and normalize a number.</summary>
    /// <param name="raw">The number as typed.</param>
    /// <param name="defaultCountryCallingCode">The calling code for national numbers, or <see langword="null"/>.</param>
    /// <param name="result">The number, when valid.</param>
    /// <returns>Whether the number could be normalized.</returns>
    public static bool TryParse([NotNullWhen(true)] string? raw, string? defaultCountryCallingCode, [NotNullWhen(true)] out PhoneNumber? result)
    {
        result = Validate(raw, defaultCountryCallingCode, "Phone", []);
        return result is not null;
    }

    /// <summary>Normalizes a number to E.164 by the rules above.</summary>
    /// <param name="raw">The number as typed.</param>
    /// <param name="defaultCountryCallingCode">The calling code for national numbers, or <see langword="null"/>.</param>
    /// <returns>The E.164 text, or <see langword="null"/> when the number cannot be normalized.</returns>
    public static string? TryNormalize(string? raw, string? defaultCountryCallingCode)
    {
        if (string.IsNullOrWhiteSpace(raw) || raw.Length > MaxRawLength)
        {
            return null;
        }

        var compact = new StringBuilder(raw.Length);
        foreach (var c in raw.Trim())
        {
            if (char.IsWhiteSpace(c) || c is '-' or '.' or '(' or ')')
            {
                continue;
            }

            if (!char.IsAsciiDigit(c) && !(c == '+' && compact.Length == 0))
            {
                return null;
            }

            compact.Append(c);
        }

        var text = compact.ToString();
        string digits;
        if (text.StartsWith('+'))
        {
            digits = text[1..];
        }
        else if (text.StartsWith("00", StringComparison.Ordinal))
        {
            digits = text[2..];
        }
        else
        {
            if (!IsCountryCallingCode(defaultCountryCallingCode))
            {
                return null;
            }

            digits = defaultCountryCallingCode + (text.StartsWith('0') ? text[1..] : text);
        }

        return digits.Length is >= MinDigits and <= MaxDigits && digits[0] != '0' && digits.All(char.IsAsciiDigit)
            ? "+" + digits
            : null;
    }

    /// <inheritdoc />
    public bool Equals(PhoneNumber? other) =>
        other is not null && string.Equals(E164, other.E164, StringComparison.Ordinal);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(E164);

    /// <inheritdoc />
    public override string ToString() => E164;

    /// <summary>Whether a text is a country calling code: 1–3 ASCII digits, the first not 0.</summary>
    internal static bool IsCountryCallingCode([NotNullWhen(true)] string? code) =>
        code is { Length: >= 1 and <= 3 } && code[0] != '0' && code.All(char.IsAsciiDigit);

    /// <summary>Checks a number, adding errors under <paramref name="field"/>; returns the number or <see langword="null"/>.</summary>
    internal static PhoneNumber? Validate(string? raw, string? defaultCountryCallingCode, string field, List<ValidationError> errors)
    {
        var trimmed = raw?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            errors.Add(new ValidationError(field, "required", $"{field} is required."));
            return null;
        }

        var e164 = TryNormalize(trimmed, defaultCountryCallingCode);
        if (e164 is null)
        {
            var hint = IsCountryCallingCode(defaultCountryCallingCode)
                ? string.Empty
                : " No default country calling code is configured, so the number must start with + or 00.";
            errors.Add(new ValidationError(field, "phone-format", $"'{trimmed}' is not a phone number that normalizes to E.164 (+ and 8 to 15 digits).{hint}"));
            return null;
        }

        return new PhoneNumber(trimmed, e164);
    }

    /// <summary>Restores a stored number without normalizing it again (the default calling code may have changed since).</summary>
    internal static PhoneNumber FromStored(string raw, string e164) => new(raw, e164);
}
