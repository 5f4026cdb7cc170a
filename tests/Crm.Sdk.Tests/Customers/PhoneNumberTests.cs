using Crm.Sdk.Customers;
using FsCheck;
using FsCheck.Fluent;
using Xunit;

namespace Crm.Sdk.Tests.Customers;

/// <summary>The hand-written E.164 phone normalizer.</summary>
public sealed class PhoneNumberTests
{
    /// <summary>Common ways of writing a number normalize to E164.</summary>
    [Theory]
    [InlineData("020 7946 0958", "+442079460958")]
    [InlineData("(020) 7946-0958", "+442079460958")]
    [InlineData("20.7946.0958", "+442079460958")]
    [InlineData("+44 20 7946 0958", "+442079460958")]
    [InlineData("0044 20 7946 0958", "+442079460958")]
    [InlineData("+1 (415) 555-0100", "+14155550100")]
    [InlineData("+86 138 0013 8000", "+8613800138000")]
    [InlineData("  +4915112345678 ", "+4915112345678")]
    public void Common_ways_of_writing_a_number_normalize_to_E164(string raw, string e164)
    {
        var phone = PhoneNumber.Parse(raw, "44");

        Assert.Equal(e164, phone.E164);
        Assert.Equal(raw.Trim(), phone.Raw);
    }

    /// <summary>Numbers that do not normalize are rejected with phone format.</summary>
    [Theory]
    [InlineData("12345")]
    [InlineData("+1234567")]
    [InlineData("+1234567890123456")]
    [InlineData("+0 20 7946 0958")]
    [InlineData("ext. 123")]
    [InlineData("020 7946 0958 x12")]
    [InlineData("+44+20 7946 0958")]
    [InlineData("020/7946/0958")]
    public void Numbers_that_do_not_normalize_are_rejected_with_phone_format(string raw)
    {
        var ex = Assert.Throws<CrmValidationException>(() => PhoneNumber.Parse(raw, "44"));

        Assert.Equal(new[] { ("Phone", "phone-format") }, ex.Errors.Select(e => (e.Field, e.Rule)));
    }

    /// <summary>Without a default calling code only international numbers are accepted.</summary>
    [Fact]
    public void Without_a_default_calling_code_only_international_numbers_are_accepted()
    {
        Assert.True(PhoneNumber.TryParse("+44 20 7946 0958", null, out _));
        Assert.False(PhoneNumber.TryParse("020 7946 0958", null, out _));
    }

    /// <summary>Two numbers are equal when their E164 forms are.</summary>
    [Fact]
    public void Two_numbers_are_equal_when_their_E164_forms_are()
    {
        Assert.Equal(PhoneNumber.Parse("020 7946 0958", "44"), PhoneNumber.Parse("+44 20 7946 0958", "1"));
    }

    /// <summary>Normalization is idempotent for every accepted input.</summary>
    [Fact]
    public void Normalization_is_idempotent_for_every_accepted_input()
    {
        Prop.ForAll(Generators.Phone.ToArbitrary(), Gen.Elements("1", "44", "86", "358").ToArbitrary(), (string raw, string code) =>
        {
            var e164 = PhoneNumber.TryNormalize(raw, code);
            return e164 is null
                || (PhoneNumber.TryNormalize(e164, code) == e164
                    && PhoneNumber.TryNormalize(e164, null) == e164
                    && e164.Length is >= 9 and <= 16
                    && e164[0] == '+'
                    && e164.Skip(1).All(char.IsAsciiDigit));
        }).QuickCheckThrowOnFailure();
    }

    /// <summary>Separators do not change the normalized number.</summary>
    [Fact]
    public void Separators_do_not_change_the_normalized_number()
    {
        Prop.ForAll(Generators.Word("0123456789", 8, 12).ToArbitrary(), (string digits) =>
        {
            var plain = PhoneNumber.TryNormalize("+1" + digits, "44");
            var spaced = PhoneNumber.TryNormalize("+1 " + string.Join(" ", digits.Chunk(3).Select(c => new string(c))), "44");
            var dashed = PhoneNumber.TryNormalize("001-" + string.Join("-", digits.Chunk(4).Select(c => new string(c))), "44");
            return plain == spaced && spaced == dashed;
        }).QuickCheckThrowOnFailure();
    }
}
