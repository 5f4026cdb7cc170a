namespace Crm.Sdk.Specification.Tests.Crm.HostileInput;

/// <summary>What kind of hostile (or valid) text a sample is; the contract's rule follows from it and the field's shape.</summary>
internal enum TextClass
{
    /// <summary>A control character other than a line break or tab (NUL, SOH, ESC, DEL, a C1 control).</summary>
    Control,

    /// <summary>A line feed, a CR LF pair or a tab: control characters in single-line text, ordinary in multi-line text.</summary>
    LineBreak,

    /// <summary>A lone UTF-16 surrogate (high alone, low alone, a reversed pair, a truncated pair).</summary>
    LoneSurrogate,

    /// <summary>Only invisible characters: white space and Unicode format characters (zero-width space, BOM, word joiner, soft hyphen, marks).</summary>
    Invisible,

    /// <summary>Only combining marks (no base character).</summary>
    CombiningOnly,

    /// <summary>Visible text behind a right-to-left override.</summary>
    BidiOverride,

    /// <summary>A 1 MiB string.</summary>
    Huge,

    /// <summary>Valid text: emoji, CJK (also outside the BMP), right-to-left scripts; must be accepted and read back exactly.</summary>
    Valid,
}

/// <summary>One sample of the text table.</summary>
/// <param name="Label">A readable name for reports.</param>
/// <param name="Value">The text.</param>
/// <param name="Class">What kind of text it is.</param>
internal sealed record TextSample(string Label, string Value, TextClass Class)
{
    /// <inheritdoc />
    public override string ToString() => Label;
}

/// <summary>The table of hostile and valid strings every text input of the public API is fed.</summary>
internal static class HostileText
{
    /// <summary>One mebibyte of text.</summary>
    public const int OneMebibyte = 1 << 20;

    /// <summary>The samples.</summary>
    public static IReadOnlyList<TextSample> Samples { get; } =
    [
        new("NUL inside", "Ada\0Lovelace", TextClass.Control),
        new("SOH first", "\u0001Ada", TextClass.Control),
        new("ANSI escape", "Ada\u001B[31m red", TextClass.Control),
        new("DEL last", "Ada\u007F", TextClass.Control),
        new("C1 CSI inside", "Ada\u009BLovelace", TextClass.Control),
        new("line feed inside", "Ada\nLovelace", TextClass.LineBreak),
        new("CR LF inside", "Ada\r\nLovelace", TextClass.LineBreak),
        new("tab inside", "Ada\tLovelace", TextClass.LineBreak),
        new("lone high surrogate", "Ada\uD800Lovelace", TextClass.LoneSurrogate),
        new("lone low surrogate", "Ada\uDC00Lovelace", TextClass.LoneSurrogate),
        new("reversed surrogate pair", "Ada\uDE00\uD83DLovelace", TextClass.LoneSurrogate),
        new("truncated emoji (high surrogate last)", "Ada\uD83D", TextClass.LoneSurrogate),
        new("only a lone surrogate", "\uDBFF", TextClass.LoneSurrogate),
        new("combining marks only", "\u0301\u0308\u20DD", TextClass.CombiningOnly),
        new("zero-width space only", "\u200B", TextClass.Invisible),
        new("BOM only", "\uFEFF", TextClass.Invisible),
        new("word joiner only", "\u2060", TextClass.Invisible),
        new("invisible mix (ZWSP BOM WJ NBSP ideographic space)", " \u200B\uFEFF\u2060\u00A0\u3000 ", TextClass.Invisible),
        new("format characters only (soft hyphen LRM RLM)", "\u00AD\u200E\u200F\u2061", TextClass.Invisible),
        new("RTL override only", "\u202E", TextClass.Invisible),
        new("RTL override spoof", "\u202Egnp.exe", TextClass.BidiOverride),
        new("1 MiB ASCII", new string('x', OneMebibyte), TextClass.Huge),
        new("1 MiB of emoji", string.Concat(Enumerable.Repeat("😀", OneMebibyte / 2)), TextClass.Huge),
        new("emoji and CJK", "Ada 😀 李小龙", TextClass.Valid),
        new("ZWJ family emoji", "👩‍👩‍👧‍👦 Family", TextClass.Valid),
        new("CJK outside the BMP", "𠀀𪚥𰻞", TextClass.Valid),
        new("Arabic and Hebrew", "مرحبا שלום", TextClass.Valid),
        new("flags", "🇨🇳🇬🇧", TextClass.Valid),
    ];
}
