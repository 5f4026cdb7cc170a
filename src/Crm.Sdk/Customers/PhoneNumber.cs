using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Crm.Sdk.Domain;
using PhoneNumbers;

namespace Crm.Sdk.Customers;

/// <summary>
/// A telephone number: the text as the user typed it (<see cref="Raw"/>) and its E.164 form (<see cref="E164"/>),
/// used for equality, search and dedupe.
/// </summary>
/// <remarks>
/// <para>
/// Numbers are parsed with libphonenumber (the C# port of Google's library, with its numbering plans for every country):
/// an international number (<c>+44 …</c>, <c>0044 …</c>) carries its country; a national one (<c>020 7946 0958</c>) is read
/// in the default region (<see cref="CustomerPolicy.DefaultPhoneRegion"/>), and its national trunk prefix is dropped as that
/// country's plan says (the <c>0</c> of UK and Chinese numbers, but not the leading <c>0</c> that Italian numbers keep).
/// A trunk prefix written after the country code, as in <c>+44 (0)20 7946 0958</c>, is dropped too. Separators,
/// full-width digits and an extension (<c>ext. 12</c>, kept only in <see cref="Raw"/>) are understood.
/// </para>
/// <para>
/// A number is accepted when libphonenumber finds it <em>possible</em> (<c>IsPossibleNumber</c>: a known country
/// calling code and a national number of a length that country's plan allows), not when it finds it <em>valid</em>
/// (<c>IsValidNumber</c>: inside a range the plan's metadata lists as allocated). A CRM records the numbers its customers
/// give it; the metadata shipped in a given package version lags behind new ranges, and the strict check would refuse
/// real numbers until the package is updated (it also refuses the UK's reserved drama numbers, such as
/// <c>07700 900123</c>, that tests and demos use). The length check still catches the common typos: a digit too many or too
/// few, or a national number without a default region.
/// </para>
/// <para>
/// Examples with default region <c>GB</c>: <c>020 7946 0958</c>, <c>+44 (0)20 7946 0958</c> and <c>0044 20 7946 0958</c>
/// all give <c>+442079460958</c>; <c>+86 (0)10 6552 9988</c> gives <c>+861065529988</c>. Normalizing an E.164 result
/// again returns it unchanged. Violations are reported with rule <c>phone-format</c>.
/// </para>
/// </remarks>
public sealed record PhoneNumber
{
    /// <summary>The longest raw text accepted.</summary>
    public const int MaxRawLength = 50;

    /// <summary>The most digits an E.164 number has (ITU-T E.164: country code and national number together).</summary>
    private const int MaxE164Digits = 15;

    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    private PhoneNumber(string raw, string e164)
    {
        Raw = raw;
        E164 = e164;
    }

    /// <summary>The number as given, trimmed.</summary>
    public string Raw { get; }

    /// <summary>The number in E.164 form: <c>+</c>, the country calling code and the national number, for example <c>+442079460958</c>.</summary>
    public string E164 { get; }

    /// <summary>Parses and normalizes a number.</summary>
    /// <param name="raw">The number as typed.</param>
    /// <param name="defaultRegion">The region national numbers belong to: an ISO 3166-1 alpha-2 code (<c>GB</c>, <c>CN</c>) or a
    /// country calling code (<c>44</c>, <c>+86</c>); <see langword="null"/> to accept only international numbers.</param>
    /// <returns>The number.</returns>
    /// <exception cref="CrmValidationException">The number cannot be normalized (field <c>Phone</c>, rule <c>phone-format</c> or <c>required</c>).</exception>
    /// <exception cref="ArgumentException"><paramref name="defaultRegion"/> is neither a known region nor a country calling code.</exception>
    public static PhoneNumber Parse(string raw, string? defaultRegion)
    {
        var errors = new List<ValidationError>();
        var phone = Validate(raw, RegionArgument(defaultRegion), "Phone", errors);
        InputRules.ThrowIfAny(errors);
        return phone!;
    }

    /// <summary>Tries to parse and normalize a number.</summary>
    /// <param name="raw">The number as typed.</param>
    /// <param name="defaultRegion">The region for national numbers (<c>GB</c> or <c>44</c>, for example), or <see langword="null"/>.</param>
    /// <param name="result">The number, when valid.</param>
    /// <returns>Whether the number could be normalized.</returns>
    /// <exception cref="ArgumentException"><paramref name="defaultRegion"/> is neither a known region nor a country calling code.</exception>
    public static bool TryParse([NotNullWhen(true)] string? raw, string? defaultRegion, [NotNullWhen(true)] out PhoneNumber? result)
    {
        result = Validate(raw, RegionArgument(defaultRegion), "Phone", []);
        return result is not null;
    }

    /// <summary>Normalizes a number to E.164 as described above.</summary>
    /// <param name="raw">The number as typed.</param>
    /// <param name="defaultRegion">The region for national numbers (<c>GB</c> or <c>44</c>, for example), or <see langword="null"/>.</param>
    /// <returns>The E.164 text, or <see langword="null"/> when the number cannot be normalized.</returns>
    /// <exception cref="ArgumentException"><paramref name="defaultRegion"/> is neither a known region nor a country calling code.</exception>
    public static string? TryNormalize(string? raw, string? defaultRegion) => Normalize(raw, RegionArgument(defaultRegion));

    /// <inheritdoc />
    public bool Equals(PhoneNumber? other) =>
        other is not null && string.Equals(E164, other.E164, StringComparison.Ordinal);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(E164);

    /// <inheritdoc />
    public override string ToString() => E164;

    /// <summary>
    /// Reads a default region as configured: an ISO 3166-1 alpha-2 code that libphonenumber knows (any case), or a
    /// country calling code (1–3 digits, optionally after <c>+</c>) of a country, read as that code's main region.
    /// </summary>
    /// <param name="text">The configured text; <see langword="null"/> or blank means none.</param>
    /// <param name="region">The upper-case region code, or <see langword="null"/> when none is configured.</param>
    /// <param name="error">Why the text is refused, or <see langword="null"/>.</param>
    /// <returns>Whether the text is acceptable.</returns>
    internal static bool TryResolveRegion(string? text, out string? region, [NotNullWhen(false)] out string? error)
    {
        region = null;
        error = null;
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return true;
        }

        var code = trimmed.StartsWith('+') ? trimmed[1..] : trimmed;
        if (code.Length is >= 1 and <= 3 && code.All(char.IsAsciiDigit) && code[0] != '0')
        {
            var main = Util.GetRegionCodeForCountryCode(int.Parse(code, CultureInfo.InvariantCulture));
            if (main is "ZZ" or "001")
            {
                error = $"'{text}' is not the calling code of a country (non-geographic codes such as +800 have no national numbers); use an ISO 3166-1 region such as \"GB\" or a country's calling code such as \"44\".";
                return false;
            }

            region = main;
            return true;
        }

        var upper = TextKey.AsciiUpper(trimmed);
        if (upper.Length == 2 && upper.All(char.IsAsciiLetterUpper) && Util.GetSupportedRegions().Contains(upper))
        {
            region = upper;
            return true;
        }

        error = $"'{text}' is neither an ISO 3166-1 alpha-2 region that has a numbering plan (for example \"GB\" or \"CN\") nor a country calling code (for example \"44\" or \"86\").";
        return false;
    }

    /// <summary>The country calling code of a region (<c>44</c> for <c>GB</c>), for the previous release's normalization.</summary>
    internal static string? CallingCodeOf(string? region) =>
        region is null ? null : Util.GetCountryCodeForRegion(region).ToString(CultureInfo.InvariantCulture);

    /// <summary>The main region of the country calling code an E.164 number starts with, or <see langword="null"/>.</summary>
    internal static string? RegionOfE164(string e164)
    {
        try
        {
            var region = Util.GetRegionCodeForCountryCode(Util.Parse(e164, "ZZ").CountryCode);
            return region is "ZZ" or "001" ? null : region;
        }
        catch (NumberParseException)
        {
            return null;
        }
    }

    /// <summary>Normalizes with a resolved region (upper-case code or <see langword="null"/>).</summary>
    internal static string? Normalize(string? raw, string? region)
    {
        if (string.IsNullOrWhiteSpace(raw) || raw.Length > MaxRawLength || InputRules.HasControlChars(raw))
        {
            return null;
        }

        try
        {
            // Any white space separates (the previous release accepted all of it; libphonenumber knows only some).
            var text = new string(raw.Trim().Select(c => char.IsWhiteSpace(c) ? ' ' : c).ToArray());
            var number = Util.Parse(text, region ?? "ZZ");
            if (Util.IsPossibleNumberWithReason(number) != PhoneNumberUtil.ValidationResult.IS_POSSIBLE)
            {
                return null;
            }

            // libphonenumber's E.164 output is not always its own fixed point (a national number with leading zeros,
            // such as "0007 054 52 00" in GB, loses one more zero when read again). Read the result again until it is
            // stable, so that normalizing an E.164 form always returns it unchanged; give up if it never settles.
            var e164 = Util.Format(number, PhoneNumberFormat.E164);
            for (var attempt = 0; attempt < 3; attempt++)
            {
                var again = Util.Parse(e164, "ZZ");
                if (Util.IsPossibleNumberWithReason(again) != PhoneNumberUtil.ValidationResult.IS_POSSIBLE)
                {
                    return null;
                }

                var next = Util.Format(again, PhoneNumberFormat.E164);
                if (next == e164)
                {
                    // E.164 allows at most 15 digits; libphonenumber calls some longer numbers possible (a 14-digit
                    // German national number), which no network can route.
                    return e164.Length <= MaxE164Digits + 1 ? e164 : null;
                }

                e164 = next;
            }

            return null;
        }
        catch (NumberParseException)
        {
            return null;
        }
    }

    /// <summary>Checks a number, adding errors under <paramref name="field"/>; returns the number or <see langword="null"/>.</summary>
    /// <param name="raw">The number as typed.</param>
    /// <param name="region">The resolved default region (see <see cref="TryResolveRegion"/>), or <see langword="null"/>.</param>
    /// <param name="field">The field name errors are reported under.</param>
    /// <param name="errors">Collects the errors.</param>
    internal static PhoneNumber? Validate(string? raw, string? region, string field, List<ValidationError> errors)
    {
        var trimmed = raw?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            errors.Add(new ValidationError(field, "required", $"{field} is required."));
            return null;
        }

        if (!InputRules.Check(trimmed, field, MaxRawLength, errors))
        {
            return null;
        }

        var e164 = Normalize(trimmed, region);
        if (e164 is null)
        {
            var hint = region is not null
                ? string.Empty
                : " No default phone region is configured, so the number must start with + or 00.";
            errors.Add(new ValidationError(field, "phone-format", $"'{trimmed}' is not a possible phone number (libphonenumber could not read it as a number of a plausible length for its country).{hint}"));
            return null;
        }

        return new PhoneNumber(trimmed, e164);
    }

    /// <summary>Restores a stored number without normalizing it again (the default region may have changed since).</summary>
    internal static PhoneNumber FromStored(string raw, string e164) => new(raw, e164);

    private static string? RegionArgument(string? defaultRegion) =>
        TryResolveRegion(defaultRegion, out var region, out var error) ? region : throw new ArgumentException(error, nameof(defaultRegion));
}
