namespace Crm.Sdk.Customers;

/// <summary>A postal address as entered, before it is checked; see <see cref="PostalAddress"/> for the rules.</summary>
public sealed record PostalAddressDraft
{
    /// <summary>What the address is used for.</summary>
    public AddressKind Kind { get; init; }

    /// <summary>The street lines (street, number, building, …), at most four.</summary>
    public IReadOnlyList<string> Lines { get; init; } = [];

    /// <summary>The city or town.</summary>
    public string? City { get; init; }

    /// <summary>The region, state, province or county.</summary>
    public string? Region { get; init; }

    /// <summary>The postal code.</summary>
    public string? PostalCode { get; init; }

    /// <summary>The ISO 3166-1 alpha-2 country code, for example <c>GB</c>; lower case is accepted.</summary>
    public string? Country { get; init; }
}
