using Crm.Sdk.Domain;

namespace Crm.Sdk.Customers;

/// <summary>
/// A checked postal address. Rules: at most <see cref="MaxLines"/> non-blank lines of at most 200 characters;
/// city and region at most 100 characters, postal code at most 20; a country that is an assigned ISO 3166-1 alpha-2 code
/// (stored upper-case); and at least one line or a city. Texts are trimmed; blank texts count as absent.
/// Two addresses are equal when every part is equal (ordinal).
/// </summary>
public sealed record PostalAddress
{
    /// <summary>The most street lines an address may have.</summary>
    public const int MaxLines = 4;

    private const int MaxLineLength = 200;
    private const int MaxCityLength = 100;
    private const int MaxPostalCodeLength = 20;
    private const int MaxCountryInputLength = 20;

    private PostalAddress(AddressKind kind, IReadOnlyList<string> lines, string? city, string? region, string? postalCode, string country)
    {
        Kind = kind;
        Lines = lines;
        City = city;
        Region = region;
        PostalCode = postalCode;
        Country = country;
    }

    /// <summary>What the address is used for.</summary>
    public AddressKind Kind { get; }

    /// <summary>The street lines.</summary>
    public IReadOnlyList<string> Lines { get; }

    /// <summary>The city or town, or <see langword="null"/>.</summary>
    public string? City { get; }

    /// <summary>The region, state, province or county, or <see langword="null"/>.</summary>
    public string? Region { get; }

    /// <summary>The postal code, or <see langword="null"/>.</summary>
    public string? PostalCode { get; }

    /// <summary>The ISO 3166-1 alpha-2 country code, upper-case, for example <c>GB</c>.</summary>
    public string Country { get; }

    /// <summary>Checks an address.</summary>
    /// <param name="draft">The address as entered.</param>
    /// <returns>The address.</returns>
    /// <exception cref="CrmValidationException">A rule is broken; each error names the part (<c>Country</c>, <c>Lines[0]</c>, …).</exception>
    public static PostalAddress Create(PostalAddressDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var errors = new List<ValidationError>();
        var address = Validate(draft, string.Empty, errors);
        InputRules.ThrowIfAny(errors);
        return address!;
    }

    /// <inheritdoc />
    public bool Equals(PostalAddress? other) =>
        other is not null
        && Kind == other.Kind
        && Lines.SequenceEqual(other.Lines, StringComparer.Ordinal)
        && string.Equals(City, other.City, StringComparison.Ordinal)
        && string.Equals(Region, other.Region, StringComparison.Ordinal)
        && string.Equals(PostalCode, other.PostalCode, StringComparison.Ordinal)
        && string.Equals(Country, other.Country, StringComparison.Ordinal);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Kind);
        foreach (var line in Lines)
        {
            hash.Add(line, StringComparer.Ordinal);
        }

        hash.Add(City, StringComparer.Ordinal);
        hash.Add(PostalCode, StringComparer.Ordinal);
        hash.Add(Country, StringComparer.Ordinal);
        return hash.ToHashCode();
    }

    /// <inheritdoc />
    public override string ToString() =>
        string.Join(", ", Lines.Concat(new[] { PostalCode, City, Region, Country }.OfType<string>()));

    /// <summary>Checks an address, adding errors under <paramref name="prefix"/> (empty or ending with a dot).</summary>
    internal static PostalAddress? Validate(PostalAddressDraft draft, string prefix, List<ValidationError> errors)
    {
        var count = errors.Count;
        InputRules.Defined(draft.Kind, prefix + nameof(Kind), errors);

        var rawLines = draft.Lines ?? [];
        var lines = new List<string>();
        for (var i = 0; i < rawLines.Count; i++)
        {
            var line = InputRules.Optional(rawLines[i], $"{prefix}{nameof(Lines)}[{i}]", MaxLineLength, errors, out _);
            if (line is not null)
            {
                lines.Add(line);
            }
        }

        if (lines.Count > MaxLines)
        {
            errors.Add(new ValidationError(prefix + nameof(Lines), "too-many", $"An address has at most {MaxLines} lines."));
        }

        var city = InputRules.Optional(draft.City, prefix + nameof(City), MaxCityLength, errors, out var cityOk);
        if (lines.Count == 0 && city is null && cityOk && lines.Count == rawLines.Count(l => !InputRules.IsBlank(l)))
        {
            errors.Add(new ValidationError(prefix + nameof(Lines), "address-incomplete", "An address needs at least a street line or a city."));
        }

        var region = InputRules.Optional(draft.Region, prefix + nameof(Region), MaxCityLength, errors, out _);
        var postalCode = InputRules.Optional(draft.PostalCode, prefix + nameof(PostalCode), MaxPostalCodeLength, errors, out _);
        var trimmedCountry = InputRules.Required(draft.Country, prefix + nameof(Country), MaxCountryInputLength, errors);
        var country = trimmedCountry is null ? null : TextKey.AsciiUpper(trimmedCountry);
        if (country is not null && !CountryCodes.IsAssigned(country))
        {
            errors.Add(new ValidationError(prefix + nameof(Country), "country-iso3166", $"'{draft.Country}' is not an ISO 3166-1 alpha-2 country code."));
        }

        return errors.Count == count ? new PostalAddress(draft.Kind, lines.ToArray(), city, region, postalCode, country!) : null;
    }

    /// <summary>Restores a stored address without checking it again.</summary>
    internal static PostalAddress FromStored(AddressKind kind, IReadOnlyList<string> lines, string? city, string? region, string? postalCode, string country) =>
        new(kind, lines.ToArray(), city, region, postalCode, country);
}
