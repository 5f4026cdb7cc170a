using System.Globalization;
using System.Text;

namespace Crm.Sdk.Duplicates;

/// <summary>
/// A phonetic code of one name word, for blocking keys: names that sound alike (Smith, Smyth, Schmidt → <c>SMT</c>)
/// share a code, so a typo or a spelling variant still meets its original in a candidate block.
/// </summary>
/// <remarks>
/// Written by hand: no well-kept Double Metaphone or NYSIIS package is served on NuGet here (only SimMetrics.Net 1.0.5,
/// unmaintained since 2017). The rules are a small subset of Lawrence Philips' Metaphone: accents are removed, the first
/// letter is kept (a vowel as <c>A</c>), then PH→F, CK/Q→K, C before E/I/Y→S else K, X→KS, Z→S, DG→J, GH and silent
/// initial K/W/P/G (KN, WR, PS, GN) dropped, V→F, D→T, B/P→P; later vowels and H, W, Y are dropped and repeats collapsed;
/// at most six letters. A word in a CJK script (a Chinese family name such as 王) is its own code: the characters are
/// the key, since no pinyin or traditional↔simplified library is served (see docs/articles/duplicates-and-merge.md).
/// </remarks>
internal static class PhoneticCode
{
    private const int MaxLength = 6;

    /// <summary>The code of a (folded) name word; empty for a word without letters.</summary>
    public static string Of(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        if (word.Length > 0 && Rune.TryGetRuneAt(word, 0, out var first) && Customers.NameTokens.IsCjk(first))
        {
            return word;
        }

        var letters = Letters(word);
        if (letters.Length == 0)
        {
            return string.Empty;
        }

        var s = letters;
        if (s.StartsWith("KN", StringComparison.Ordinal) || s.StartsWith("GN", StringComparison.Ordinal) || s.StartsWith("PN", StringComparison.Ordinal)
            || s.StartsWith("WR", StringComparison.Ordinal) || s.StartsWith("PS", StringComparison.Ordinal))
        {
            s = s[1..];
        }

        var code = new StringBuilder(MaxLength + 1);
        for (var i = 0; i < s.Length && code.Length < MaxLength; i++)
        {
            var c = s[i];
            var next = i + 1 < s.Length ? s[i + 1] : '\0';
            string? sound = c switch
            {
                'A' or 'E' or 'I' or 'O' or 'U' => i == 0 ? "A" : null,
                'H' or 'W' or 'Y' => i == 0 && c != 'H' ? c.ToString() : null,
                'P' when next == 'H' => "F",
                'C' when next == 'K' => null,
                'C' when next is 'E' or 'I' or 'Y' => "S",
                'C' when next == 'H' => "X",
                'C' or 'Q' or 'K' => "K",
                'G' when next == 'H' => null,
                'G' when next is 'E' or 'I' or 'Y' => "J",
                'D' when next == 'G' => "J",
                'D' or 'T' => "T",
                'S' when next == 'H' => "X",
                'X' => "KS",
                'Z' or 'S' => "S",
                'V' or 'F' => "F",
                'B' or 'P' => "P",
                _ => c.ToString(),
            };
            if (sound is not null && (code.Length == 0 || code[^1] != sound[0]))
            {
                code.Append(sound);
            }

            if (c is 'P' or 'S' or 'C' && next == 'H')
            {
                i++;
            }
        }

        return code.Length > MaxLength ? code.ToString(0, MaxLength) : code.ToString();
    }

    private static string Letters(string word)
    {
        var decomposed = word.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (char.IsAsciiLetter(c))
            {
                builder.Append(char.ToUpperInvariant(c));
            }
            else if (c == 'ß')
            {
                builder.Append("SS");
            }
            else if (char.IsLetter(c) && CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(char.ToUpperInvariant(c));
            }
        }

        return builder.ToString();
    }
}
