using System.Globalization;
using System.Text;
using Crm.Sdk.Customers;
using Crm.Sdk.Domain;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ICU4N.Text;
using Xunit;

namespace Crm.Sdk.Tests.Customers;

/// <summary>
/// The encrypted-name search tokens (<see cref="NameTokens"/>): counted in text elements, never splitting one, the same
/// in ICU mode and in globalization-invariant mode (CI runs this suite in both), and agreeing with the lookup cut and
/// the exact check after decryption.
/// </summary>
public sealed class NameTokenTests : IDisposable
{
    /// <summary>Pieces names are built of: ASCII, precomposed and combining accents, astral characters, emoji sequences, Han, Kana, Hangul.</summary>
    private static readonly string[] Atoms =
    [
        "a", "B", "c", "D", "e", "x", "Q", "z", "0", "7", "-", "'", ".",
        "\u00E9", "\u00DC", "\u00F8", "\u00DF",
        "e\u0301", "q\u0303", "a\u0301\u0323", "n\u0303",
        "\U0001F600", "\U00020BB7", "\U0001F469\u200D\U0001F4BB", "\U0001F468\u200D\U0001F469\u200D\U0001F467", "\U0001F44D\U0001F3FD", "\U0001F1EB\U0001F1F7",
        "\u738B", "\u5C0F", "\u660E", "\u6B27", "\u9633", "\u5A1C", "\u91CE", "\u592A", "\u90CE", "\u65E5", "\u672C", "\u8A9E", "\u3005",
        "\uAE40", "\uBBFC", "\uC900", "\u1100\u1161\u11A8",
        "\u305F", "\u308D", "\u30BF", "\u30ED", "\u30FC", "\uFF80",
    ];

    private static readonly string[] Separators = [" ", " ", " ", "  ", "\u3000", "\u00A0"];

    private readonly CaseCounts _cases = new();

    public void Dispose() => _cases.Verify();

    /// <summary>The vector documented in FORMAT.md: display name, name key, tokens in order.</summary>
    [Fact]
    public void Format_vector()
    {
        const string DisplayName = "Zo\u00EB \u91CE\U00020BB7Co \U0001F44D\U0001F3FD";
        var key = CustomerMapping.NameKey(DisplayName);

        Assert.Equal("zo\u00EB \u91CE\U00020BB7co \U0001F44D\U0001F3FD", key);
        Assert.Equal(
            [
                "zo", "zo\u00EB", "zo\u00EB ", "zo\u00EB \u91CE", "zo\u00EB \u91CE\U00020BB7", "zo\u00EB \u91CE\U00020BB7c",
                "zo\u00EB \u91CE\U00020BB7co", "zo\u00EB \u91CE\U00020BB7co ", "zo\u00EB \u91CE\U00020BB7co \U0001F44D\U0001F3FD",
                "\u91CE", "\u91CE\U00020BB7", "\u91CE\U00020BB7c", "\u91CE\U00020BB7co",
                "co",
            ],
            CustomerMapping.NamePrefixes(key));
    }

    /// <summary>
    /// The name key (NFKC_Casefold) removes U+200D ZERO WIDTH JOINER, a default-ignorable code point, and variation
    /// selectors: an emoji ZWJ sequence is, in the key, the emoji it joined, each a text element of its own. Tokens are
    /// cut from the key, so 👩 finds 👩‍💻 (as in search over names in clear, which compares keys too).
    /// </summary>
    [Fact]
    public void The_key_has_no_zero_width_joiner()
    {
        var key = CustomerMapping.NameKey("Ada \U0001F469\u200D\U0001F4BB \u2764\uFE0F");
        Assert.Equal("ada \U0001F469\U0001F4BB \u2764", key);
        Assert.Contains("\U0001F469\U0001F4BB", CustomerMapping.NamePrefixes(key));
        Assert.True(CustomerMapping.MatchesNamePrefix(key, CustomerMapping.NameKey("ada \U0001F469")));
        Assert.True(CustomerMapping.MatchesPlainNamePrefix(key, CustomerMapping.NameKey("ada \U0001F469")));
    }

    /// <summary>Chinese names without spaces: the family name alone (one character), and the family name plus one character, are tokens.</summary>
    [Fact]
    public void Chinese_names_are_indexed_from_the_family_name()
    {
        Assert.Equal(["\u738B", "\u738B\u5C0F", "\u738B\u5C0F\u660E"], CustomerMapping.NamePrefixes("\u738B\u5C0F\u660E"));
        Assert.Equal(["\u6B27", "\u6B27\u9633", "\u6B27\u9633\u5A1C", "\u6B27\u9633\u5A1C\u5A1C"], CustomerMapping.NamePrefixes("\u6B27\u9633\u5A1C\u5A1C"));
        Assert.Equal(
            ["zo", "zo\u00EB", "zo\u00EB ", "zo\u00EB \u738B", "zo\u00EB \u738B\u5C0F", "zo\u00EB \u738B\u5C0F\u660E", "\u738B", "\u738B\u5C0F", "\u738B\u5C0F\u660E"],
            CustomerMapping.NamePrefixes(CustomerMapping.NameKey("Zo\u00EB \u738B\u5C0F\u660E")));
        Assert.Equal(["\u91CE", "\u91CE\U00020BB7", "\u91CE\U00020BB7 ", "\u91CE\U00020BB7 \u592A", "\u91CE\U00020BB7 \u592A\u90CE", "\u592A", "\u592A\u90CE"], CustomerMapping.NamePrefixes("\u91CE\U00020BB7 \u592A\u90CE"));
        Assert.True(NameTokens.IsLongEnough("\u738B"));
        Assert.True(NameTokens.IsLongEnough("\uAE40"));
        Assert.True(NameTokens.IsLongEnough("\U00020BB7"));
        Assert.False(NameTokens.IsLongEnough("a"));
        Assert.False(NameTokens.IsLongEnough("\u00E9"));
        Assert.False(NameTokens.IsLongEnough("\U0001F469\u200D\U0001F4BB"));
        Assert.True(NameTokens.IsLongEnough("ab"));
    }

    /// <summary>A prefix that splits a text element matches neither search path; the whole element does.</summary>
    [Fact]
    public void A_prefix_that_splits_a_text_element_matches_nothing()
    {
        var key = CustomerMapping.NameKey("Ada \U0001F44D\U0001F3FD Aq\u0303uinn");
        Assert.Equal("ada \U0001F44D\U0001F3FD aq\u0303uinn", key);
        Assert.False(CustomerMapping.MatchesNamePrefix(key, "ada \U0001F44D"));
        Assert.False(CustomerMapping.MatchesPlainNamePrefix(key, "ada \U0001F44D"));
        Assert.False(CustomerMapping.MatchesPlainNamePrefix(key, "ada \uD83D"));
        Assert.True(CustomerMapping.MatchesNamePrefix(key, "ada \U0001F44D\U0001F3FD"));
        Assert.True(CustomerMapping.MatchesPlainNamePrefix(key, "ada \U0001F44D\U0001F3FD"));
        Assert.False(CustomerMapping.MatchesNamePrefix(key, "aq"));
        Assert.True(CustomerMapping.MatchesNamePrefix(key, "aq\u0303"));
        Assert.DoesNotContain("aq", CustomerMapping.NamePrefixes(key));
        Assert.DoesNotContain("ada \U0001F44D", CustomerMapping.NamePrefixes(key));
        Assert.Contains("aq\u0303", CustomerMapping.NamePrefixes(key));
        Assert.Equal("abcdefghijklmno\U00020BB7", NameTokens.LookupPrefix("abcdefghijklmno\U00020BB7xyz"));
        Assert.Equal("abcdefghijklmn\U0001F44D\U0001F3FDq", NameTokens.LookupPrefix("abcdefghijklmn\U0001F44D\U0001F3FDqr"));
    }

    /// <summary>
    /// Every token is valid UTF-16, has 1 to 16 text elements (2 or more unless it starts with a CJK element), ends at a
    /// text-element boundary of the key, is its own lookup cut, and matches the name by the exact check.
    /// </summary>
    [Property(Arbitrary = [typeof(Names)], MaxTest = 300)]
    public void Every_token_is_whole_text_elements_and_matches_its_name(string displayName)
    {
        _cases.Require("cjk", 50).Require("astral", 50).Require("combining", 30).Require("zwj", 30).Require("mixed", 30);
        var key = CustomerMapping.NameKey(displayName);
        Classify(displayName, key);
        foreach (var token in CustomerMapping.NamePrefixes(key))
        {
            var elements = TextElements(token);
            Assert.False(global::Crm.Sdk.Domain.InputRules.HasUnpairedSurrogate(token), token);
            Assert.InRange(elements.Count, 1, CustomerMapping.MaxNamePrefix);
            Assert.True(elements.Count >= CustomerMapping.MinNamePrefix || NameTokens.IsCjk(Rune.GetRuneAt(token, 0)), token);
            Assert.True(NameTokens.IsLongEnough(token), token);
            Assert.Equal(token, NameTokens.LookupPrefix(token));
            Assert.True(CustomerMapping.MatchesNamePrefix(key, token), $"'{key}' / '{token}'");
        }
    }

    /// <summary>
    /// Typing the first k text elements of the name, or of any word, finds the name (when k is long enough to search):
    /// its lookup cut is a token of the name and the exact check accepts it. The whole name's prefixes are found by the
    /// search over clear names too.
    /// </summary>
    [Property(Arbitrary = [typeof(Names)], MaxTest = 300)]
    public void Any_words_first_text_elements_find_the_name(string displayName)
    {
        _cases.Require("searched", 250).Require("long", 20).Require("one-cjk", 50);
        var key = CustomerMapping.NameKey(displayName);
        var tokens = CustomerMapping.NamePrefixes(key).ToHashSet(StringComparer.Ordinal);
        var searched = 0;
        foreach (var (word, isWholeKey) in key.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => (w, false)).Prepend((key, true)))
        {
            var elements = TextElements(word);
            for (var k = 1; k <= elements.Count; k++)
            {
                var prefix = string.Concat(elements.Take(k));
                if (!NameTokens.IsLongEnough(prefix))
                {
                    continue;
                }

                searched++;
                _cases.Count(k > CustomerMapping.MaxNamePrefix ? "long" : k == 1 ? "one-cjk" : "short");
                Assert.True(tokens.Contains(NameTokens.LookupPrefix(prefix)), $"'{key}': lookup of '{prefix}' is not indexed");
                Assert.True(CustomerMapping.MatchesNamePrefix(key, prefix), $"'{key}' / '{prefix}'");
                Assert.True(!isWholeKey || CustomerMapping.MatchesPlainNamePrefix(key, prefix), $"plain '{key}' / '{prefix}'");
            }
        }

        if (searched > 0)
        {
            _cases.Count("searched");
        }
    }

    /// <summary>Names typed in decomposed (NFD, from ICU4N: the same in both globalization modes) or precomposed form have the same key and tokens.</summary>
    [Property(Arbitrary = [typeof(Names)], MaxTest = 200)]
    public void Composed_and_decomposed_input_give_the_same_tokens(string displayName)
    {
        _cases.Require("decomposed", 30);
        var key = CustomerMapping.NameKey(displayName);
        var decomposed = Normalizer2.NFDInstance.Normalize(displayName);
        if (decomposed != displayName)
        {
            _cases.Count("decomposed");
        }

        Assert.Equal(key, CustomerMapping.NameKey(decomposed));
        Assert.Equal(CustomerMapping.NamePrefixes(key), CustomerMapping.NamePrefixes(CustomerMapping.NameKey(decomposed)));
    }

    /// <summary>
    /// For ASCII names the tokens are exactly those of earlier releases (UTF-16 cut, words at spaces): the token upgrade
    /// rewrites no ASCII name, and searches over ASCII names find what they found before.
    /// </summary>
    [Property(MaxTest = 300)]
    public void Ascii_names_keep_the_tokens_of_earlier_releases(NonNull<string> text)
    {
        _cases.Require("ascii", 100);
        var ascii = new string([.. text.Get.Where(c => c is >= ' ' and < '\u007F')]);
        var key = CustomerMapping.NameKey(ascii);
        _cases.Count("ascii");
        Assert.Equal(CustomerNameTokenUpgrade.LegacyPrefixes(key).Order(StringComparer.Ordinal), CustomerMapping.NamePrefixes(key).Order(StringComparer.Ordinal));
        Assert.False(CustomerNameTokenUpgrade.TokensChanged(key));
        Assert.Equal(CustomerNameTokenUpgrade.LegacyLookupPrefix(key), NameTokens.LookupPrefix(key));
    }

    /// <summary>Names whose tokens the new rules change are the ones the upgrade rewrites.</summary>
    [Fact]
    public void The_upgrade_rewrites_names_whose_tokens_changed()
    {
        Assert.True(CustomerNameTokenUpgrade.TokensChanged("\u738B\u5C0F\u660E"));
        Assert.True(CustomerNameTokenUpgrade.TokensChanged("ada \U0001F600 lovelace"));
        Assert.True(CustomerNameTokenUpgrade.TokensChanged("acme\u682A\u5F0F"));
        Assert.False(CustomerNameTokenUpgrade.TokensChanged("ren\u00E9e blanc"));
        Assert.False(CustomerNameTokenUpgrade.TokensChanged("annabelle margarethe"));
    }

    private static List<string> TextElements(string text)
    {
        var elements = new List<string>();
        var enumerator = StringInfo.GetTextElementEnumerator(text);
        while (enumerator.MoveNext())
        {
            elements.Add(enumerator.GetTextElement());
        }

        return elements;
    }

    private void Classify(string displayName, string key)
    {
        var runes = key.EnumerateRunes().ToList();
        if (runes.Any(NameTokens.IsCjk))
        {
            _cases.Count("cjk");
            if (runes.Any(r => r.IsAscii && Rune.IsLetter(r)))
            {
                _cases.Count("mixed");
            }
        }

        if (runes.Any(r => r.Utf16SequenceLength == 2))
        {
            _cases.Count("astral");
        }

        if (runes.Any(r => Rune.GetUnicodeCategory(r) == UnicodeCategory.NonSpacingMark))
        {
            _cases.Count("combining");
        }

        if (displayName.Contains('\u200D', StringComparison.Ordinal))
        {
            _cases.Count("zwj");
        }
    }

    /// <summary>For <c>[Property(Arbitrary = ...)]</c>: strings are display names of 1 to 4 words of 1 to 20 atoms.</summary>
    public static class Names
    {
        public static Arbitrary<string> DisplayNames() =>
            (from count in Gen.Choose(1, 4)
             from words in Gen.ArrayOf(Gen.Choose(1, 20).SelectMany(n => Gen.ArrayOf(Gen.Elements(Atoms), n)).Select(string.Concat), count)
             from separators in Gen.ArrayOf(Gen.Elements(Separators), count)
             select string.Concat(words.Zip(separators, (w, s) => w + s)).Trim())
            .Where(name => CustomerMapping.NameKey(name).Length > 0)
            .ToArbitrary();
    }
}
