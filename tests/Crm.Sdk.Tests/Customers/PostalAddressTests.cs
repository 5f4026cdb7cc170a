using Crm.Sdk.Customers;
using Xunit;

namespace Crm.Sdk.Tests.Customers;

/// <summary>The postal address value object.</summary>
public sealed class PostalAddressTests
{
    [Fact]
    public void An_address_is_trimmed_and_the_country_upper_cased()
    {
        var address = PostalAddress.Create(new PostalAddressDraft
        {
            Kind = AddressKind.Work,
            Lines = [" 1 Infinite Loop ", ""],
            City = " Cupertino ",
            Region = "CA",
            PostalCode = " 95014 ",
            Country = " us ",
        });

        Assert.Equal(["1 Infinite Loop"], address.Lines);
        Assert.Equal(("Cupertino", "95014", "US"), (address.City, address.PostalCode, address.Country));
    }

    [Fact]
    public void A_city_alone_or_a_line_alone_is_enough()
    {
        Assert.Equal("Oslo", PostalAddress.Create(new PostalAddressDraft { City = "Oslo", Country = "NO" }).City);
        Assert.Single(PostalAddress.Create(new PostalAddressDraft { Lines = ["Postboks 1"], Country = "NO" }).Lines);
    }

    [Theory]
    [InlineData(null, "required")]
    [InlineData("", "required")]
    [InlineData("UK", "country-iso3166")]
    [InlineData("GBR", "country-iso3166")]
    [InlineData("XX", "country-iso3166")]
    public void The_country_must_be_an_ISO_3166_alpha_2_code(string? country, string rule)
    {
        var ex = Assert.Throws<CrmValidationException>(() => PostalAddress.Create(new PostalAddressDraft { City = "London", Country = country }));

        Assert.Equal(new[] { ("Country", rule) }, ex.Errors.Select(e => (e.Field, e.Rule)));
    }

    [Fact]
    public void An_address_without_line_or_city_is_incomplete_and_all_errors_are_reported()
    {
        var ex = Assert.Throws<CrmValidationException>(() => PostalAddress.Create(new PostalAddressDraft { Lines = [" "], PostalCode = new string('9', 21), Country = "ZZ" }));

        Assert.Equal(
            new[] { ("Lines", "address-incomplete"), ("PostalCode", "max-length"), ("Country", "country-iso3166") },
            ex.Errors.Select(e => (e.Field, e.Rule)));
    }

    [Fact]
    public void At_most_four_lines()
    {
        var ex = Assert.Throws<CrmValidationException>(() => PostalAddress.Create(new PostalAddressDraft { Lines = ["1", "2", "3", "4", "5"], Country = "DE" }));

        Assert.Equal("too-many", Assert.Single(ex.Errors).Rule);
    }

    [Fact]
    public void The_country_list_holds_the_249_assigned_codes()
    {
        Assert.Equal(249, CountryCodes.All.Count);
        Assert.All(CountryCodes.All, c => Assert.Matches("^[A-Z]{2}$", c));
    }

    [Fact]
    public void Addresses_with_the_same_parts_are_equal()
    {
        PostalAddress Make() => PostalAddress.Create(new PostalAddressDraft { Lines = ["a", "b"], City = "Rome", Country = "it" });

        Assert.Equal(Make(), Make());
        Assert.Equal(Make().GetHashCode(), Make().GetHashCode());
    }
}
