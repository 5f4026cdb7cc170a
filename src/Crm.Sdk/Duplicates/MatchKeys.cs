using System.Globalization;

namespace Crm.Sdk.Duplicates;

/// <summary>
/// The blocking keys of a profile: two customers become candidates only when they share one. Each key is text with a
/// kind prefix, and is stored blind-indexed (HMAC) when the field it comes from is encrypted (<see cref="KeyKind"/>).
/// </summary>
/// <remarks>
/// Keys: <c>e:</c> each email; <c>p:</c> each phone (E.164); <c>i:</c> each identifier; <c>n:</c> the phonetic codes of
/// given (nickname-resolved) and family name, sorted (so swapped names meet); <c>np:</c> either name code with each
/// postcode; <c>nd:</c> either name code with the birth date; <c>dp:</c> birth date with each postcode; <c>c:</c> each
/// distinctive company-name token. No key is built from one common value alone (a postcode, a birth date), so blocks
/// stay small and no all-pairs comparison is ever made.
/// </remarks>
internal static class MatchKeys
{
    /// <summary>Which encrypted field a key is blind-indexed under: a key is hashed when that field is encrypted.</summary>
    public enum KeyKind
    {
        /// <summary>From an email.</summary>
        Email,

        /// <summary>From a phone.</summary>
        Phone,

        /// <summary>From names (with a postcode or birth date), identifiers or a company name.</summary>
        Name,
    }

    /// <summary>The keys of a profile, each once, with the field kind each is indexed under.</summary>
    public static IReadOnlyList<(KeyKind Kind, string Key)> Of(MatchProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var keys = new List<(KeyKind, string)>();
        keys.AddRange(profile.Emails.Select(e => (KeyKind.Email, "e:" + e)));
        keys.AddRange(profile.Phones.Select(p => (KeyKind.Phone, "p:" + p)));
        keys.AddRange(profile.Identifiers.Select(i => (KeyKind.Name, "i:" + i)));
        var codes = NameCodes(profile);
        if (codes.Count == 2)
        {
            keys.Add((KeyKind.Name, "n:" + string.Join('|', codes.Order(StringComparer.Ordinal))));
        }

        var birth = profile.BirthDate?.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        foreach (var code in codes)
        {
            keys.AddRange(profile.Postcodes.Select(pc => (KeyKind.Name, "np:" + code + "|" + pc)));
            if (birth is not null)
            {
                keys.Add((KeyKind.Name, "nd:" + code + "|" + birth));
            }
        }

        if (birth is not null)
        {
            keys.AddRange(profile.Postcodes.Select(pc => (KeyKind.Name, "dp:" + birth + "|" + pc)));
        }

        keys.AddRange(profile.CompanyTokens.Select(t => (KeyKind.Name, "c:" + t)));
        return [.. keys.Distinct()];
    }

    /// <summary>The phonetic codes of the given name (nickname resolved) and the family name, each once.</summary>
    private static List<string> NameCodes(MatchProfile profile)
    {
        var codes = new List<string>(2);
        foreach (var part in new[] { profile.Given is { } g ? Nicknames.CanonicalOf(FirstWord(g)) : null, profile.Family })
        {
            if (part is not null && PhoneticCode.Of(part.Replace(" ", string.Empty, StringComparison.Ordinal)) is { Length: > 0 } code && !codes.Contains(code))
            {
                codes.Add(code);
            }
        }

        return codes;
    }

    private static string FirstWord(string text)
    {
        var space = text.IndexOf(' ', StringComparison.Ordinal);
        return space < 0 ? text : text[..space];
    }
}
