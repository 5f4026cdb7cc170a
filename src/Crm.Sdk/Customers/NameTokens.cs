using System.Buffers;
using System.Globalization;
using System.Text;

namespace Crm.Sdk.Customers;

/// <summary>
/// The name-search tokens of a customer's name key (<see cref="CustomerMapping.NameKey"/>): the prefixes blind-indexed
/// when display names are encrypted (index <c>name_tokens</c>), the cut of a searched prefix, and the exact check after
/// decryption. All three follow the same rules, so that what is looked up is what was indexed.
/// </summary>
/// <remarks>
/// <para>
/// <b>Text elements.</b> Lengths are counted in text elements (extended grapheme clusters, UAX #29, as
/// <see cref="StringInfo.GetNextTextElementLength(string, int)"/> finds them: .NET's own managed implementation, the same
/// in ICU mode and in globalization-invariant mode). A token or a cut never splits a text element: not <c>e</c> + U+0301,
/// not a surrogate pair (<c>𠮷</c>), not an emoji ZWJ sequence (<c>👩‍💻</c>), not a Hangul syllable in jamo.
/// </para>
/// <para>
/// <b>Kinds of element.</b> An element is a <i>separator</i> when its first code point is white space; <i>CJK</i> when its
/// first code point is a Han ideograph (with 々 〆 〇 and the radicals), Hiragana, Katakana or Hangul (<see cref="IsCjk"/>);
/// <i>other</i> otherwise (Latin, Greek, Cyrillic, digits, punctuation, emoji…).
/// </para>
/// <para>
/// <b>Token starts.</b> A token starts at the first element of the key, at the first element of each word (a run of
/// non-separator elements), and inside a word wherever it changes between CJK and other elements: <c>acme株式会社</c>
/// has starts at <c>a</c> and at <c>株</c>. Chinese, Japanese and Korean names are written without spaces (<c>王小明</c>:
/// family name 王, given name 小明), so such a name is one word whose prefixes (王, 王小, 王小明) start with the family name.
/// </para>
/// <para>
/// <b>Tokens.</b> From the first element, the prefixes of the whole key (across words); from any other start, the
/// prefixes that end inside its word. A prefix has at most <see cref="CustomerMapping.MaxNamePrefix"/> (16) elements
/// and at least <see cref="CustomerMapping.MinNamePrefix"/> (2), or 1 when its first element is CJK: one ideograph or
/// syllable (a one-character family name such as 王 or 김) is selective enough, one Latin letter is not.
/// For ASCII text (one element per character, words split at spaces) these are exactly the tokens of the earlier
/// releases, which cut UTF-16 code units.
/// </para>
/// <para>
/// <b>Search.</b> A searched prefix (its key) needs as many elements as a token does; when it has more than 16, its first
/// 16 are looked up. A customer matches when its key, from one of the token starts (and within that start's word, except
/// from the first element), begins with the whole searched prefix and the prefix ends at a text-element boundary of the key.
/// </para>
/// </remarks>
internal static class NameTokens
{
    private enum Kind
    {
        Other,
        Cjk,
        Separator,
    }

    /// <summary>The tokens of a name key, each once, in order of start then length.</summary>
    /// <param name="nameKey">The name key.</param>
    /// <returns>The prefixes to blind-index.</returns>
    public static IReadOnlyList<string> Prefixes(string nameKey)
    {
        ArgumentNullException.ThrowIfNull(nameKey);
        var layout = Layout.Of(nameKey);
        var tokens = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (start, end) in layout.Runs())
        {
            var longest = Math.Min(CustomerMapping.MaxNamePrefix, end - start);
            for (var length = MinimumLength(layout.Kinds[start]); length <= longest; length++)
            {
                var token = nameKey[layout.Bounds[start]..layout.Bounds[start + length]];
                if (seen.Add(token))
                {
                    tokens.Add(token);
                }
            }
        }

        return tokens;
    }

    /// <summary>Whether a searched prefix key is long enough to search encrypted names by: 2 text elements, or 1 CJK element.</summary>
    /// <param name="prefixKey">The key of the searched prefix.</param>
    /// <returns>Whether it can be looked up.</returns>
    public static bool IsLongEnough(string prefixKey)
    {
        ArgumentNullException.ThrowIfNull(prefixKey);
        if (prefixKey.Length == 0)
        {
            return false;
        }

        var first = StringInfo.GetNextTextElementLength(prefixKey, 0);
        return first < prefixKey.Length || KindOf(prefixKey, 0) == Kind.Cjk;
    }

    /// <summary>The part of a searched prefix key that is looked up: its first <see cref="CustomerMapping.MaxNamePrefix"/> text elements.</summary>
    /// <param name="prefixKey">The key of the searched prefix.</param>
    /// <returns>The prefix, or its first 16 text elements.</returns>
    public static string LookupPrefix(string prefixKey)
    {
        ArgumentNullException.ThrowIfNull(prefixKey);
        var end = 0;
        for (var count = 0; count < CustomerMapping.MaxNamePrefix && end < prefixKey.Length; count++)
        {
            end += StringInfo.GetNextTextElementLength(prefixKey, end);
        }

        return end == prefixKey.Length ? prefixKey : prefixKey[..end];
    }

    /// <summary>Whether a customer with <paramref name="nameKey"/> matches an encrypted-name search for <paramref name="prefixKey"/>: the exact check after a blind-index match.</summary>
    /// <param name="nameKey">The customer's name key.</param>
    /// <param name="prefixKey">The key of the searched prefix.</param>
    /// <returns>Whether the key, from one of its token starts, begins with the whole prefix, ending at a text-element boundary.</returns>
    public static bool Matches(string nameKey, string prefixKey)
    {
        ArgumentNullException.ThrowIfNull(nameKey);
        ArgumentNullException.ThrowIfNull(prefixKey);
        if (prefixKey.Length == 0)
        {
            return false;
        }

        var layout = Layout.Of(nameKey);
        foreach (var (start, end) in layout.Runs())
        {
            var from = layout.Bounds[start];
            if (prefixKey.Length <= layout.Bounds[end] - from
                && nameKey.AsSpan(from, prefixKey.Length).SequenceEqual(prefixKey)
                && Array.BinarySearch(layout.Bounds, from + prefixKey.Length) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether <paramref name="nameKey"/> starts with <paramref name="prefixKey"/> ending at a text-element boundary: the
    /// rule of search over names stored in clear (index <c>name_key</c>), so that it agrees with encrypted-name search on
    /// prefixes of the whole name (<c>q</c> does not find <c>q̃</c>, 👩 does not find 👩‍💻).
    /// </summary>
    /// <param name="nameKey">The customer's name key.</param>
    /// <param name="prefixKey">The key of the searched prefix.</param>
    /// <returns>Whether the name key starts with the prefix at a text-element boundary.</returns>
    public static bool StartsWholeName(string nameKey, string prefixKey)
    {
        ArgumentNullException.ThrowIfNull(nameKey);
        ArgumentNullException.ThrowIfNull(prefixKey);
        if (!nameKey.StartsWith(prefixKey, StringComparison.Ordinal))
        {
            return false;
        }

        var at = 0;
        while (at < prefixKey.Length)
        {
            at += StringInfo.GetNextTextElementLength(nameKey, at);
        }

        return at == prefixKey.Length;
    }

    /// <summary>
    /// Whether a code point starts a CJK text element: Han ideographs (the unified blocks and extensions, compatibility
    /// ideographs, radicals, 々 〆 〇 and the Hangzhou numerals), Hiragana, Katakana (with the phonetic extensions and the
    /// kana supplements) and Hangul (syllables and jamo, half-width forms included).
    /// </summary>
    /// <param name="rune">The code point.</param>
    /// <returns>Whether it is CJK.</returns>
    public static bool IsCjk(Rune rune) => rune.Value switch
    {
        >= 0x1100 and <= 0x11FF => true, // Hangul Jamo
        >= 0x2E80 and <= 0x2FDF => true, // CJK Radicals Supplement, Kangxi Radicals
        >= 0x3005 and <= 0x3007 => true, // 々 〆 〇
        >= 0x3021 and <= 0x3029 => true, // Hangzhou numerals
        >= 0x3038 and <= 0x303B => true, // 〸 〹 〺 〻
        >= 0x3041 and <= 0x30FF => true, // Hiragana, Katakana
        >= 0x3131 and <= 0x318E => true, // Hangul Compatibility Jamo
        >= 0x31F0 and <= 0x31FF => true, // Katakana Phonetic Extensions
        >= 0x3400 and <= 0x4DBF => true, // CJK Extension A
        >= 0x4E00 and <= 0x9FFF => true, // CJK Unified Ideographs
        >= 0xA960 and <= 0xA97F => true, // Hangul Jamo Extended-A
        >= 0xAC00 and <= 0xD7FF => true, // Hangul Syllables, Jamo Extended-B
        >= 0xF900 and <= 0xFAFF => true, // CJK Compatibility Ideographs
        >= 0xFF66 and <= 0xFFDC => true, // half-width Katakana and Hangul
        >= 0x1AFF0 and <= 0x1B16F => true, // Kana Extended-B, Kana Supplement, Kana Extended-A, Small Kana Extension
        >= 0x20000 and <= 0x3FFFF => true, // CJK Extensions B to I, Compatibility Ideographs Supplement (planes 2 and 3)
        _ => false,
    };

    private static int MinimumLength(Kind first) => first == Kind.Cjk ? 1 : CustomerMapping.MinNamePrefix;

    private static Kind KindOf(string text, int index)
    {
        if (Rune.DecodeFromUtf16(text.AsSpan(index), out var rune, out _) != OperationStatus.Done)
        {
            return Kind.Other;
        }

        return Rune.IsWhiteSpace(rune) ? Kind.Separator : IsCjk(rune) ? Kind.Cjk : Kind.Other;
    }

    /// <summary>A key cut into text elements: element <c>i</c> is <c>Bounds[i]..Bounds[i + 1]</c>.</summary>
    private readonly record struct Layout(int[] Bounds, Kind[] Kinds)
    {
        public static Layout Of(string text)
        {
            var bounds = new List<int>(text.Length + 1) { 0 };
            var kinds = new List<Kind>(text.Length);
            for (var at = 0; at < text.Length;)
            {
                kinds.Add(KindOf(text, at));
                at += StringInfo.GetNextTextElementLength(text, at);
                bounds.Add(at);
            }

            return new Layout([.. bounds], [.. kinds]);
        }

        /// <summary>The token starts (element indexes) with the end (exclusive) of the run their tokens may cover.</summary>
        public IEnumerable<(int Start, int End)> Runs()
        {
            var count = Kinds.Length;
            if (count == 0)
            {
                yield break;
            }

            yield return (0, count);
            for (var i = 1; i < count; i++)
            {
                var kind = Kinds[i];
                var previous = Kinds[i - 1];
                if (kind != Kind.Separator && (previous == Kind.Separator || (kind == Kind.Cjk) != (previous == Kind.Cjk)))
                {
                    var end = i + 1;
                    while (end < count && Kinds[end] != Kind.Separator)
                    {
                        end++;
                    }

                    yield return (i, end);
                }
            }
        }
    }
}
