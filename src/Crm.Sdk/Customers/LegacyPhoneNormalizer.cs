using System.Text;

namespace Crm.Sdk.Customers;

/// <summary>
/// The hand-written E.164 normalization of releases up to <c>1da28ec</c>, before libphonenumber: kept only so that
/// phone lookups still find numbers stored that way until the phone upgrade (<see cref="PhoneUpgrade"/>) has
/// re-normalized them, and numbers it had to keep as they were. Nothing new is ever stored with it.
/// </summary>
/// <remarks>
/// Separators (white space, <c>-</c>, <c>.</c>, <c>(</c>, <c>)</c>) are removed; a leading <c>+</c> or <c>00</c> marks an
/// international number; otherwise one leading <c>0</c> is dropped and the default calling code put in front; the result
/// must be <c>+</c> and 8 to 15 digits, the first not <c>0</c>. It keeps the <c>0</c> of <c>+44 (0)20…</c> and drops the
/// <c>0</c> Italian numbers keep, which is why it was replaced.
/// </remarks>
internal static class LegacyPhoneNormalizer
{
    private const int MinDigits = 8;
    private const int MaxDigits = 15;

    /// <summary>The E.164 text the previous release stored for <paramref name="raw"/>, or <see langword="null"/> when it refused it.</summary>
    /// <param name="raw">The number as typed.</param>
    /// <param name="callingCode">The default country calling code (digits), or <see langword="null"/>.</param>
    public static string? TryNormalize(string? raw, string? callingCode)
    {
        if (string.IsNullOrWhiteSpace(raw) || raw.Length > PhoneNumber.MaxRawLength)
        {
            return null;
        }

        var compact = new StringBuilder(raw.Length);
        foreach (var c in raw.Trim())
        {
            if (char.IsWhiteSpace(c) || c is '-' or '.' or '(' or ')')
            {
                continue;
            }

            if (!char.IsAsciiDigit(c) && !(c == '+' && compact.Length == 0))
            {
                return null;
            }

            compact.Append(c);
        }

        var text = compact.ToString();
        string digits;
        if (text.StartsWith('+'))
        {
            digits = text[1..];
        }
        else if (text.StartsWith("00", StringComparison.Ordinal))
        {
            digits = text[2..];
        }
        else
        {
            if (callingCode is not { Length: >= 1 and <= 3 })
            {
                return null;
            }

            digits = callingCode + (text.StartsWith('0') ? text[1..] : text);
        }

        return digits.Length is >= MinDigits and <= MaxDigits && digits[0] != '0' && digits.All(char.IsAsciiDigit)
            ? "+" + digits
            : null;
    }

    /// <summary>Whether the previous release would have read <paramref name="raw"/> as a national number (no <c>+</c> or <c>00</c>).</summary>
    public static bool IsNational(string raw)
    {
        var text = new string(raw.Where(c => !(char.IsWhiteSpace(c) || c is '-' or '.' or '(' or ')')).ToArray());
        return !text.StartsWith('+') && !text.StartsWith("00", StringComparison.Ordinal);
    }
}
