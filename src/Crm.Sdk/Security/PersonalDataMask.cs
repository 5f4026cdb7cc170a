using System.Globalization;
using System.Text;
using PhoneNumbers;

namespace Crm.Sdk.Security;

/// <summary>
/// How a personal value is masked for an actor none of whose roles sees personal data (<see cref="CrmRoleOptions.SeesPersonalData"/>).
/// Each rule is deterministic, reveals at most the characters it names, counts in text elements (extended grapheme
/// clusters, so a surrogate pair or a letter with combining marks is one character, masked or revealed whole) and is
/// idempotent: masking a masked value gives it back unchanged.
/// </summary>
/// <remarks>
/// Written here rather than taken from a library: the masking libraries on NuGet mask by UTF-16 unit (splitting
/// surrogate pairs and combining sequences) and know nothing of country calling codes.
/// <list type="table">
/// <listheader><term>Rule</term><description>Reveals</description></listheader>
/// <item><term><see cref="Name"/></term><description>the first text element of each word of two or more; every other element of a word becomes <c>*</c> (white space is kept): <c>Ada Lovelace</c> → <c>A** L*******</c>, <c>张伟</c> → <c>张*</c>, <c>A</c> → <c>*</c>.</description></item>
/// <item><term><see cref="Email"/></term><description>the first text element of the local part and the domain: <c>ada@example.com</c> → <c>a***@example.com</c>.</description></item>
/// <item><term><see cref="Phone"/></term><description>the country calling code, the last 4 digits of a national number of 8 digits or more (the last 2 of one of 6 or 7, none below), and up to 3 leading digits while at least 4 stay masked: <c>+8613812345678</c> → <c>+86 138****5678</c>.</description></item>
/// <item><term><see cref="Text"/></term><description>nothing: any non-empty text becomes <c>***</c>.</description></item>
/// </list>
/// </remarks>
internal static class PersonalDataMask
{
    /// <summary>The character that stands for a masked text element.</summary>
    public const char MaskChar = '*';

    /// <summary>What any masked free text reads.</summary>
    public const string MaskedText = "***";

    private static readonly PhoneNumberUtil Phones = PhoneNumberUtil.GetInstance();

    /// <summary>A name, word by word: the first text element of each word of two or more elements, the rest <c>*</c>.</summary>
    /// <param name="value">The name, or <see langword="null"/>.</param>
    /// <returns>The masked name (<see langword="null"/> for <see langword="null"/>).</returns>
    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(value))]
    public static string? Name(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return value;
        }

        var elements = TextElements(value);
        var text = new StringBuilder(value.Length);
        var start = 0;
        while (start < elements.Count)
        {
            if (IsSpace(elements[start]))
            {
                text.Append(elements[start++]);
                continue;
            }

            var end = start;
            while (end < elements.Count && !IsSpace(elements[end]))
            {
                end++;
            }

            // A word of one element would be revealed whole: it is masked too.
            text.Append(end - start == 1 ? MaskChar.ToString() : elements[start]).Append(MaskChar, Math.Max(0, end - start - 1));
            start = end;
        }

        return text.ToString();
    }

    /// <summary>An email address: the first text element of the local part, <c>***</c>, and the domain.</summary>
    /// <param name="value">The address.</param>
    /// <returns>The masked address; a text without a local part and a domain around its last <c>@</c> is masked as <see cref="Text"/>.</returns>
    public static string Email(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var at = value.LastIndexOf('@');
        if (at <= 0 || at == value.Length - 1)
        {
            return Text(value);
        }

        return string.Concat(TextElements(value[..at])[0], MaskedText, value.AsSpan(at));
    }

    /// <summary>
    /// A phone number in E.164 form (or a masked one): <c>+</c>, the country calling code, a space, and the national number
    /// with its middle masked (see the remarks of <see cref="PersonalDataMask"/>).
    /// </summary>
    /// <param name="value">The number, for example <c>+8613812345678</c>.</param>
    /// <returns>The masked number, for example <c>+86 138****5678</c>; a text that is not a number is masked as <see cref="Text"/>.</returns>
    public static string Phone(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var trimmed = value.Trim();
        var international = trimmed.StartsWith('+');
        var symbols = new StringBuilder(trimmed.Length);
        foreach (var c in trimmed.AsSpan(international ? 1 : 0))
        {
            if (char.IsAsciiDigit(c) || c == MaskChar)
            {
                symbols.Append(c);
            }
            else if (c is not (' ' or '-' or '.' or '(' or ')'))
            {
                return Text(value);
            }
        }

        if (symbols.Length == 0)
        {
            return Text(value);
        }

        var digits = symbols.ToString();
        var countryCode = international ? CountryCodeOf(digits) : string.Empty;
        var national = digits[countryCode.Length..];
        var n = national.Length;
        var tail = n >= 8 ? 4 : n >= 6 ? 2 : 0;
        var head = Math.Clamp(n - 8, 0, 3);
        var masked = string.Concat(national.AsSpan(0, head), new string(MaskChar, n - head - tail), national.AsSpan(n - tail));
        return international ? $"+{countryCode} {masked}".TrimEnd() : masked;
    }

    /// <summary>Free text: <c>***</c> for any non-empty text.</summary>
    /// <param name="value">The text, or <see langword="null"/>.</param>
    /// <returns>The masked text (<see langword="null"/> and empty stay as they are).</returns>
    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(value))]
    public static string? Text(string? value) => string.IsNullOrEmpty(value) ? value : MaskedText;

    /// <summary>
    /// An address of a participant: an email address, a phone number, or anything else (a handle) as free text.
    /// </summary>
    /// <param name="value">The address, or <see langword="null"/>.</param>
    /// <returns>The masked address.</returns>
    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(value))]
    public static string? Address(string? value) =>
        string.IsNullOrEmpty(value) ? value
        : Customers.EmailAddress.TryParse(value, out _) ? Email(value)
        : value.TrimStart().StartsWith('+') ? Phone(value)
        : Text(value);

    /// <summary>The text elements (extended grapheme clusters) of a text.</summary>
    /// <param name="value">The text.</param>
    /// <returns>The elements, in order.</returns>
    internal static List<string> TextElements(string value)
    {
        var elements = new List<string>(value.Length);
        var enumerator = StringInfo.GetTextElementEnumerator(value);
        while (enumerator.MoveNext())
        {
            elements.Add(enumerator.GetTextElement());
        }

        return elements;
    }

    private static bool IsSpace(string element) => element.Length > 0 && char.IsWhiteSpace(element[0]);

    // E.164 calling codes are prefix-free: the first 1, 2 or 3 digits that name a country (or a non-geographic service).
    private static string CountryCodeOf(string digits)
    {
        for (var length = 1; length <= Math.Min(3, digits.Length); length++)
        {
            var prefix = digits[..length];
            if (prefix.All(char.IsAsciiDigit)
                && Phones.GetRegionCodeForCountryCode(int.Parse(prefix, CultureInfo.InvariantCulture)) != "ZZ")
            {
                return prefix;
            }
        }

        return string.Empty;
    }
}
