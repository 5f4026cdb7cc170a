using System.Globalization;
using Crm.Sdk.Security;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Xunit;

namespace Crm.Sdk.Tests.Security;

/// <summary>
/// The masking rules of personal values: known answers for names (Latin and Chinese), emails, phones (+86 mobile, +44,
/// short numbers), empty and one-character values and surrogate pairs; and properties that a mask reveals no more than its
/// rule allows, keeps text elements whole, and is idempotent.
/// </summary>
public sealed class PersonalDataMaskTests : IDisposable
{
    private readonly CaseCounts _cases = new();

    public void Dispose() => _cases.Verify();

    [Theory]
    [InlineData("Ada Lovelace", "A** L*******")]
    [InlineData("Ada King Lovelace", "A** K*** L*******")]
    [InlineData("张伟", "张*")]
    [InlineData("欧阳娜娜", "欧***")]
    [InlineData("李", "*")]
    [InlineData("A", "*")]
    [InlineData("A B", "* *")]
    [InlineData("", "")]
    [InlineData("Zoe\u0308 Rene\u0301e", "Z** R****")] // a letter and its combining mark are one element
    [InlineData("😀😀", "😀*")] // a surrogate pair is one element, kept whole
    [InlineData("👩‍👩‍👧 Smith", "* S****")] // a ZWJ family emoji is one element
    [InlineData("A** L*******", "A** L*******")] // masked already: unchanged
    public void Names_keep_the_first_element_of_each_word(string name, string masked) =>
        Assert.Equal(masked, PersonalDataMask.Name(name));

    [Fact]
    public void A_missing_value_stays_missing()
    {
        Assert.Null(PersonalDataMask.Name(null));
        Assert.Null(PersonalDataMask.Text(null));
        Assert.Null(PersonalDataMask.Address(null));
        Assert.Equal(string.Empty, PersonalDataMask.Text(string.Empty));
    }

    [Theory]
    [InlineData("ada@example.com", "a***@example.com")]
    [InlineData("Ada.Lovelace+crm@Example.COM", "A***@Example.COM")]
    [InlineData("a@example.com", "a***@example.com")]
    [InlineData("张伟@例子.中国", "张***@例子.中国")]
    [InlineData("😀x@example.com", "😀***@example.com")]
    [InlineData("a***@example.com", "a***@example.com")]
    [InlineData("not an address", "***")]
    [InlineData("@handle", "***")]
    public void Emails_keep_the_first_element_and_the_domain(string email, string masked) =>
        Assert.Equal(masked, PersonalDataMask.Email(email));

    [Theory]
    [InlineData("+8613812345678", "+86 138****5678")] // Chinese mobile: 11 national digits
    [InlineData("+861065529988", "+86 10****9988")] // Beijing fixed line: 10 national digits
    [InlineData("+442079460958", "+44 20****0958")] // London
    [InlineData("+447700900123", "+44 77****0123")] // UK mobile
    [InlineData("+12025550123", "+1 20****0123")] // US: one-digit country code
    [InlineData("+6591234567", "+65 ****4567")] // Singapore: 8 national digits, nothing leading shown
    [InlineData("+3541234567", "+354 *****67")] // Iceland: 7 national digits, last 2 only
    [InlineData("+2901234", "+290 ****")] // Saint Helena: 4 national digits, none shown
    [InlineData("+86 138****5678", "+86 138****5678")] // masked already: unchanged
    [InlineData("020 7946 0958", "020****0958")] // no country code: the national rule alone
    [InlineData("+1", "+1")]
    [InlineData("ext. 12", "***")]
    public void Phones_keep_the_country_code_and_the_last_digits(string phone, string masked) =>
        Assert.Equal(masked, PersonalDataMask.Phone(phone));

    [Theory]
    [InlineData("Called about the invoice of 3 May", "***")]
    [InlineData("x", "***")]
    [InlineData("***", "***")]
    public void Free_text_reveals_nothing(string text, string masked) =>
        Assert.Equal(masked, PersonalDataMask.Text(text));

    [Theory]
    [InlineData("ada@example.com", "a***@example.com")]
    [InlineData("+8613812345678", "+86 138****5678")]
    [InlineData("@ada_l", "***")]
    public void A_participant_address_is_masked_by_its_kind(string address, string masked) =>
        Assert.Equal(masked, PersonalDataMask.Address(address));

    /// <summary>A masked name has the original's text elements, each either <c>*</c>, white space as it was, or the first element of a word of two or more; masking it again changes nothing.</summary>
    [Property(Arbitrary = [typeof(Inputs)], MaxTest = 500)]
    public bool A_masked_name_reveals_only_the_first_element_of_each_word_and_is_idempotent(NameText input)
    {
        var original = PersonalDataMask.TextElements(input.Value);
        var maskedText = PersonalDataMask.Name(input.Value);
        var masked = PersonalDataMask.TextElements(maskedText);
        var revealed = 0;
        var ok = masked.Count == original.Count;
        for (var i = 0; ok && i < masked.Count; i++)
        {
            var space = char.IsWhiteSpace(original[i][0]);
            var wordStart = !space && (i == 0 || char.IsWhiteSpace(original[i - 1][0]));
            var wordOfTwo = wordStart && i + 1 < original.Count && !char.IsWhiteSpace(original[i + 1][0]);
            if (masked[i] != "*")
            {
                ok = masked[i] == original[i] && (space || wordOfTwo);
                revealed += space ? 0 : 1;
            }
        }

        _cases.Require("revealed a letter", 100).Require("surrogate or combining", 50);
        if (revealed > 0)
        {
            _cases.Count("revealed a letter");
        }

        if (original.Any(e => e.Length > 1))
        {
            _cases.Count("surrogate or combining");
        }

        return ok && PersonalDataMask.Name(maskedText) == maskedText;
    }

    /// <summary>A masked email is the first element of the local part, <c>***</c> and the domain; masking it again changes nothing.</summary>
    [Property(Arbitrary = [typeof(Inputs)], MaxTest = 300)]
    public bool A_masked_email_reveals_the_first_element_and_the_domain_only(EmailText input)
    {
        var at = input.Value.LastIndexOf('@');
        var local = input.Value[..at];
        var masked = PersonalDataMask.Email(input.Value);
        _cases.Require("local part of several elements", 100);
        if (PersonalDataMask.TextElements(local).Count > 1)
        {
            _cases.Count("local part of several elements");
        }

        return masked == PersonalDataMask.TextElements(local)[0] + "***" + input.Value[at..]
            && PersonalDataMask.Email(masked) == masked;
    }

    /// <summary>
    /// A masked phone keeps the country code; of the national number it shows at most the last 4 and 3 leading digits,
    /// each where it was, and always hides at least 4 (or all of a shorter number); masking it again changes nothing.
    /// </summary>
    [Property(Arbitrary = [typeof(Inputs)], MaxTest = 300)]
    public bool A_masked_phone_hides_at_least_four_national_digits(PhoneText input)
    {
        var masked = PersonalDataMask.Phone("+" + input.CountryCode + input.National);
        var prefix = "+" + input.CountryCode + " ";
        var national = input.National;
        var shown = masked.StartsWith(prefix, StringComparison.Ordinal) ? masked[prefix.Length..] : masked == prefix.TrimEnd() ? string.Empty : null;
        if (shown is null || shown.Length != national.Length)
        {
            return false;
        }

        var hidden = shown.Count(c => c == PersonalDataMask.MaskChar);
        var inPlace = shown.Select((c, i) => c == PersonalDataMask.MaskChar || c == national[i]).All(x => x);
        _cases.Require("long number", 100).Require("short number", 20);
        _cases.Count(national.Length >= 8 ? "long number" : "short number");
        return inPlace
            && hidden >= Math.Min(4, national.Length)
            && national.Length - hidden <= 7
            && PersonalDataMask.Phone(masked) == masked;
    }

    /// <summary>A name of text elements: letters, CJK, surrogate pairs, combining sequences, spaces and the mask character.</summary>
    public sealed record NameText(string Value);

    /// <summary>An email address of text elements before the <c>@</c>.</summary>
    public sealed record EmailText(string Value);

    /// <summary>A country calling code and a national number.</summary>
    public sealed record PhoneText(string CountryCode, string National);

    /// <summary>The generators.</summary>
    public static class Inputs
    {
        private static readonly Gen<string> Element = Gen.OneOf(
            Gen.Elements("a", "B", "z", "Q", "é", "ß"),
            Gen.Elements("张", "伟", "欧", "阳", "娜"),
            Gen.Elements("😀", "𝒜", "𠀋"),
            Gen.Elements("e\u0301", "o\u0308", "n\u0303\u0323"),
            Gen.Constant("*"));

        private static readonly Gen<string> Word = Gen.Choose(1, 6).SelectMany(n => Gen.ArrayOf(Element, n)).Select(string.Concat);

        public static Arbitrary<NameText> Names() =>
            Gen.Choose(0, 4).SelectMany(n => Gen.ArrayOf(Word, n))
                .SelectMany(words => Gen.Elements(" ", "  ", "\u3000").Select(space => new NameText(string.Join(space, words))))
                .ToArbitrary();

        public static Arbitrary<EmailText> Emails() =>
            (from local in Word
             from domain in Gen.Elements("example.com", "例子.中国", "mail.co.uk")
             select new EmailText(local + "@" + domain)).ToArbitrary();

        public static Arbitrary<PhoneText> Phones() =>
            (from code in Gen.Elements("1", "44", "86", "354", "290", "65")
             from length in Gen.Choose(0, 14 - code.Length)
             from digits in Gen.ArrayOf(Gen.Choose(0, 9), length)
             select new PhoneText(code, string.Concat(digits.Select(d => d.ToString(CultureInfo.InvariantCulture))))).ToArbitrary();
    }
}
