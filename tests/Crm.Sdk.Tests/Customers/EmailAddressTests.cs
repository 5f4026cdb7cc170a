using Crm.Sdk.Customers;
using FsCheck.Xunit;
using Xunit;

namespace Crm.Sdk.Tests.Customers;

/// <summary>The email address value object.</summary>
public sealed class EmailAddressTests
{
    [Theory]
    [InlineData("ada@example.com")]
    [InlineData("Ada.Lovelace+crm@mail.Example.co.uk")]
    [InlineData("o'brien@xn--bcher-kva.example")]
    [InlineData("  padded@example.org  ")]
    public void Well_formed_addresses_are_accepted(string value)
    {
        Assert.True(EmailAddress.TryParse(value, out var email));
        Assert.Equal(value.Trim(), email.Value);
    }

    [Theory]
    [InlineData("plainaddress")]
    [InlineData("@example.com")]
    [InlineData("ada@")]
    [InlineData("ada@localhost")]
    [InlineData("ada@@example.com")]
    [InlineData("a@b@example.com")]
    [InlineData("ada lovelace@example.com")]
    [InlineData("ada@exa mple.com")]
    [InlineData(".ada@example.com")]
    [InlineData("ada..l@example.com")]
    [InlineData("ada@example..com")]
    [InlineData("ada@-example.com")]
    [InlineData("ada@example.com.")]
    [InlineData("<ada>@example.com")]
    public void Malformed_addresses_are_rejected_with_email_format(string value)
    {
        var ex = Assert.Throws<CrmValidationException>(() => EmailAddress.Parse(value));

        Assert.Equal(new[] { ("Email", "email-format") }, ex.Errors.Select(e => (e.Field, e.Rule)));
    }

    [Fact]
    public void An_address_has_at_most_254_characters()
    {
        static string Address(int lastLabel) =>
            new string('l', 64) + "@" + new string('d', 63) + "." + new string('d', 63) + "." + new string('d', lastLabel) + ".com";

        Assert.Equal(254, Address(57).Length);
        Assert.True(EmailAddress.TryParse(Address(57), out _));
        Assert.False(EmailAddress.TryParse(Address(58), out _));
        Assert.False(EmailAddress.TryParse(new string('l', 65) + "@example.com", out _));
    }

    [Fact]
    public void A_blank_address_is_required()
    {
        var ex = Assert.Throws<CrmValidationException>(() => EmailAddress.Parse("  "));

        Assert.Equal("required", Assert.Single(ex.Errors).Rule);
    }

    [Fact]
    public void Value_is_kept_as_given_and_normalized_is_lower_case()
    {
        var email = EmailAddress.Parse(" Ada@Example.COM ");

        Assert.Equal("Ada@Example.COM", email.Value);
        Assert.Equal("ada@example.com", email.Normalized);
        Assert.Equal("Ada@Example.COM", email.ToString());
    }

    [Property(Arbitrary = [typeof(Generators.Emails)])]
    public bool Normalization_is_idempotent_and_equality_ignores_case(string raw)
    {
        var email = EmailAddress.Parse(raw);
        var normalizedAgain = EmailAddress.Parse(email.Normalized);
        return EmailAddress.Normalize(email.Normalized) == email.Normalized
            && normalizedAgain.Normalized == email.Normalized
            && EmailAddress.Parse(raw.ToUpperInvariant()).Equals(email)
            && EmailAddress.Parse(raw.ToLowerInvariant()).GetHashCode() == email.GetHashCode()
            && EmailAddress.Parse(" " + raw + " ") == email;
    }
}
