using System.Text;
using Crm.Sdk.Customers;
using Crm.Sdk.Domain;
using NodaTime;

namespace Crm.Sdk.Duplicates;

/// <summary>
/// What duplicate detection compares of one customer, folded once (<see cref="TextKey"/>: NFKC case fold; punctuation
/// dropped): given and family name, company name, emails, phones, postcodes, street lines, cities, birth date and
/// identifier fields. Built in memory after decryption; never stored.
/// </summary>
internal sealed record MatchProfile
{
    private static readonly HashSet<string> CompanyStopWords = new(StringComparer.Ordinal)
    {
        "the", "and", "of", "co", "company", "corp", "corporation", "inc", "incorporated", "ltd", "limited", "llc", "plc", "gmbh", "ag", "sa", "sarl",
        "bv", "nv", "pty", "group", "holding", "holdings", "有限公司", "有限责任公司", "股份有限公司", "公司", "集团",
    };

    public CustomerKind Kind { get; init; }

    public string? Given { get; init; }

    public string? Family { get; init; }

    public string? Company { get; init; }

    public IReadOnlyList<string> CompanyTokens { get; init; } = [];

    public IReadOnlyList<string> Emails { get; init; } = [];

    public IReadOnlyList<string> Phones { get; init; } = [];

    public IReadOnlyList<string> Postcodes { get; init; } = [];

    public IReadOnlyList<string> Streets { get; init; } = [];

    public IReadOnlyList<string> Cities { get; init; } = [];

    public LocalDate? BirthDate { get; init; }

    public IReadOnlyList<string> Identifiers { get; init; } = [];

    /// <summary>The profile of a customer, reading the birth date and identifiers from the custom fields the options name.</summary>
    public static MatchProfile Of(Customer customer, DuplicateDetectionOptions options)
    {
        ArgumentNullException.ThrowIfNull(customer);
        ArgumentNullException.ThrowIfNull(options);
        var (given, family) = Names(customer);
        var company = Fold(customer.CompanyName ?? (customer.Kind == CustomerKind.Company ? customer.DisplayName : null));
        return new MatchProfile
        {
            Kind = customer.Kind,
            Given = given,
            Family = family,
            Company = company,
            CompanyTokens = company is null ? [] : [.. company.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(t => !CompanyStopWords.Contains(t) && (t.Length > 1 || IsCjk(t))).Distinct(StringComparer.Ordinal)],
            Emails = [.. customer.Emails.Select(e => e.Address.Normalized).Distinct(StringComparer.Ordinal)],
            Phones = [.. customer.Phones.Select(p => p.Number.E164).Distinct(StringComparer.Ordinal)],
            Postcodes = [.. customer.Addresses.Select(a => Postcode(a.PostalCode)).OfType<string>().Distinct(StringComparer.Ordinal)],
            Streets = [.. customer.Addresses.Select(a => Fold(string.Join(' ', a.Lines))).OfType<string>().Distinct(StringComparer.Ordinal)],
            Cities = [.. customer.Addresses.Select(a => Fold(a.City)).OfType<string>().Distinct(StringComparer.Ordinal)],
            BirthDate = options.BirthDateField is { } field && customer.CustomFields.TryGetValue(field, out var value) && value is DateFieldValue date ? date.Value : null,
            Identifiers = [.. options.IdentifierFields
                .Select(f => customer.CustomFields.TryGetValue(f, out var v) ? v switch { TextFieldValue t => Identifier(f, t.Value), NumberFieldValue n => Identifier(f, n.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)), _ => null } : null)
                .OfType<string>()],
        };
    }

    /// <summary>Folds text for comparison: NFKC case fold, letters and digits kept, everything else one space; null when nothing is left.</summary>
    public static string? Fold(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var key = TextKey.Of(text);
        var builder = new StringBuilder(key.Length);
        foreach (var c in key)
        {
            if (char.IsLetterOrDigit(c) || char.IsSurrogate(c) || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark)
            {
                builder.Append(c);
            }
            else if (builder.Length > 0 && builder[^1] != ' ')
            {
                builder.Append(' ');
            }
        }

        var folded = builder.ToString().Trim();
        return folded.Length == 0 ? null : folded;
    }

    /// <summary>A postcode folded to upper-case letters and digits (<c>sw1a 1aa</c> → <c>SW1A1AA</c>); null when none.</summary>
    public static string? Postcode(string? postcode)
    {
        if (postcode is null)
        {
            return null;
        }

        var builder = new StringBuilder(postcode.Length);
        foreach (var c in postcode.Normalize(NormalizationForm.FormKC))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(char.ToUpperInvariant(c));
            }
        }

        return builder.Length == 0 ? null : builder.ToString();
    }

    /// <summary>Whether a folded word starts with a CJK character.</summary>
    public static bool IsCjk(string text) => text.Length > 0 && Rune.TryGetRuneAt(text, 0, out var rune) && NameTokens.IsCjk(rune);

    private static string? Identifier(string field, string value)
    {
        var folded = Postcode(value);
        return folded is null ? null : field + ":" + folded;
    }

    /// <summary>
    /// Given and family name: the person name's parts when set; otherwise from the display name: a CJK name without
    /// spaces is family name first (one character; 欧阳, 司马 and the other common two-character family names are kept
    /// whole), a name with spaces is given name first, family name last.
    /// </summary>
    private static (string? Given, string? Family) Names(Customer customer)
    {
        if (customer.Kind == CustomerKind.Company)
        {
            return (null, null);
        }

        if (customer.PersonName is { } name)
        {
            var given = Fold(name.GivenName);
            var family = Fold(name.FamilyName);
            if (given is not null && family is null && IsCjk(given) && !given.Contains(' ', StringComparison.Ordinal))
            {
                return SplitCjk(given);
            }

            return (given, family);
        }

        var display = Fold(customer.DisplayName);
        if (display is null)
        {
            return (null, null);
        }

        if (IsCjk(display) && !display.Contains(' ', StringComparison.Ordinal))
        {
            return SplitCjk(display);
        }

        var words = display.Split(' ');
        return words.Length == 1 ? (words[0], null) : (words[0], words[^1]);
    }

    private static readonly string[] CompoundFamilyNames = ["欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐", "歐陽", "司馬", "諸葛"];

    private static (string? Given, string? Family) SplitCjk(string name)
    {
        var familyLength = CompoundFamilyNames.FirstOrDefault(f => name.StartsWith(f, StringComparison.Ordinal) && name.Length > f.Length)?.Length
            ?? (char.IsHighSurrogate(name[0]) ? 2 : 1);
        return name.Length <= familyLength ? (null, name) : (name[familyLength..], name[..familyLength]);
    }
}
