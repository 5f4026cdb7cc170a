using ICU4N.Text;

namespace Crm.Sdk.Domain;

/// <summary>
/// The one function that turns text into a stored or compared key: customer name keys (and the prefixes blind-indexed
/// for encrypted names), tags, email addresses, external-id sources, pipeline names and stage names. Every place that
/// matches text "ignoring case" goes through here, so that a key written by one process is found by every other.
/// </summary>
/// <remarks>
/// <para>
/// A key is the Unicode <b>NFKC_Casefold</b> mapping (Unicode Standard, chapter 3.13, and UAX #44: the mapping meant for
/// caseless matching of identifiers): compatibility forms are unified (full-width <c>Ｆｏｏ</c> is <c>foo</c>, <c>ﬁ</c>
/// is <c>fi</c>, <c>①</c> is <c>1</c>), text is put in composed form (<c>e</c> + U+0301 is <c>é</c>), case is folded
/// with the full case folding (<c>ß</c> and <c>ẞ</c> are <c>ss</c>, final <c>ς</c> is <c>σ</c>, <c>İ</c> is <c>i</c> +
/// U+0307), and default-ignorable code points (soft hyphen, zero-width space) are removed. Accents are kept:
/// <c>Renée</c> and <c>Renee</c> are different keys. No language-specific rule applies (no Turkish dotless-i folding).
/// </para>
/// <para>
/// The mapping comes from ICU4N's own copy of the Unicode data (Unicode 10.0, ICU 60), not from .NET's
/// <see cref="string.Normalize()"/> and <see cref="string.ToLowerInvariant"/>: those call the host's ICU library, so
/// their results change with the host's ICU version, and in globalization-invariant mode
/// (<c>DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1</c>) normalization does nothing to non-ASCII text. A key therefore is the
/// same on every host and in every globalization mode. Characters assigned after Unicode 10.0 are kept as they are.
/// Changing this function (or ICU4N's Unicode version) changes stored keys: it needs a data upgrade that recomputes
/// them (see <c>Customers/TextKeyUpgrade.cs</c>).
/// </para>
/// </remarks>
internal static class TextKey
{
    /// <summary>The Unicode version of the data the keys follow.</summary>
    public const string UnicodeVersion = "10.0";

    private static readonly Normalizer2 NfkcCasefold = Normalizer2.NFKCCaseFoldInstance;

    /// <summary>The NFKC_Casefold mapping of a text, exactly (white space is kept as mapped).</summary>
    /// <param name="text">The text.</param>
    /// <returns>The folded text; the same instance when it is folded already.</returns>
    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (IsAscii(text))
        {
            // For ASCII, NFKC_Casefold is exactly ASCII lower-casing (no ASCII character is a compatibility form or
            // default-ignorable); the fast path is checked against ICU4N for every ASCII character by the tests.
            return HasAsciiUpper(text) ? string.Create(text.Length, text, static (span, source) =>
            {
                for (var i = 0; i < source.Length; i++)
                {
                    span[i] = char.IsAsciiLetterUpper(source[i]) ? (char)(source[i] | 0x20) : source[i];
                }
            }) : text;
        }

        return NfkcCasefold.Normalize(text);
    }

    /// <summary>The key of a text: trimmed, folded (<see cref="Fold"/>), and trimmed again (folding can turn a character at either end into white space or remove it).</summary>
    /// <param name="text">The text, for example a display name or a prefix typed into a search box.</param>
    /// <returns>The key.</returns>
    public static string Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Fold(text.Trim()).Trim();
    }

    /// <summary>Whether two texts have the same key (<see cref="Of"/>): the comparison for "equal ignoring case".</summary>
    /// <param name="left">A text.</param>
    /// <param name="right">Another text.</param>
    /// <returns>Whether their keys are equal (ordinal).</returns>
    public static bool Equal(string left, string right) => string.Equals(Of(left), Of(right), StringComparison.Ordinal);

    /// <summary>
    /// Upper-cases the ASCII letters of a code (ISO 3166 country, ISO 4217 currency) and nothing else: a non-ASCII letter
    /// stays as it is and so never turns into a valid code (<see cref="string.ToUpperInvariant"/> turns <c>ſ</c> into <c>S</c>).
    /// </summary>
    /// <param name="code">The code as entered.</param>
    /// <returns>The code with its ASCII letters upper-cased.</returns>
    public static string AsciiUpper(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return string.Create(code.Length, code, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = char.IsAsciiLetterLower(source[i]) ? (char)(source[i] & ~0x20) : source[i];
            }
        });
    }

    /// <summary>Whether a text holds only ASCII characters: such text has the same key under every version of the key function so far (it is lower-cased).</summary>
    /// <param name="text">The text.</param>
    /// <returns>Whether every character is below U+0080.</returns>
    public static bool IsAscii(string text) => System.Text.Ascii.IsValid(text);

    private static bool HasAsciiUpper(string text) => text.AsSpan().ContainsAnyInRange('A', 'Z');
}
