using System.Globalization;

namespace Crm.Sdk.Specification.Tests.Crm.HostileInput;

/// <summary>The shape of a text input, which decides the contract's rule for each kind of sample.</summary>
internal enum TextShape
{
    /// <summary>Single-line text (names, ids, labels, subjects): no control character at all.</summary>
    SingleLine,

    /// <summary>Multi-line text (bodies, descriptions, comments): line feeds, CR LF and tabs are ordinary, other controls are not.</summary>
    MultiLine,

    /// <summary>Text with a format of its own (email, phone, country code, external id source, choice): invalid text breaks <see cref="TextTarget.FormatRule"/>.</summary>
    Formatted,

    /// <summary>Text that searches (filters, finds): may match nothing, but a lone surrogate is still invalid and a read never writes.</summary>
    Lookup,
}

/// <summary>A target-specific sample (a valid email, a country code in lower case, an almost-valid value).</summary>
/// <param name="Label">A readable name.</param>
/// <param name="Value">The text.</param>
/// <param name="Expect">The contract's outcome.</param>
/// <param name="Stored">The value the record must hold after an accepted call (null: the input).</param>
internal sealed record TextExtra(string Label, string Value, Expect Expect, string? Stored = null);

/// <summary>One text input of the public API: how to feed it a string, and how to read back what was stored.</summary>
internal sealed class TextTarget
{
    /// <summary>Marks an expected stored value that may be nothing, the input, or the input trimmed.</summary>
    private const string Lenient = "\uFFFF(lenient)";

    /// <summary>Rules a right-to-left override may be refused with (the contract names none; a refusal must still name the field).</summary>
    public static readonly string[] BidiRules = ["control-characters", "bidi-control", "bidi-override", "invalid-unicode"];

    /// <summary>The input, for example <c>Customer.DisplayName</c> or <c>Tickets.AssignAsync(assigneeId)</c>.</summary>
    public required string Name { get; init; }

    /// <summary>Parts of the field name a validation error must carry (any one, ignoring case).</summary>
    public required string[] Fields { get; init; }

    /// <summary>The shape.</summary>
    public required TextShape Shape { get; init; }

    /// <summary>Whether the text is required (blank or invisible text is refused with <c>required</c>).</summary>
    public bool Required { get; init; }

    /// <summary>The documented maximum length, or <see langword="null"/>.</summary>
    public int? MaxLength { get; init; }

    /// <summary>The rule of a <see cref="TextShape.Formatted"/> input (for example <c>email-format</c>).</summary>
    public string? FormatRule { get; init; }

    /// <summary>Further rules a <see cref="TextShape.Lookup"/> may refuse its text with (besides the text rules).</summary>
    public string[] LookupRules { get; init; } = [];

    /// <summary>What an accepted call must do to the store.</summary>
    public StoreEffect Effect { get; init; } = StoreEffect.Writes;

    /// <summary>Prepares each case (for example a fresh deal to lose).</summary>
    public Func<Task>? Arrange { get; init; }

    /// <summary>Feeds the input.</summary>
    public required Func<string, Task<object?>> Act { get; init; }

    /// <summary>Reads back the stored value of the input after an accepted call, given what the call returned.</summary>
    public Func<object?, Task<string?>>? Stored { get; init; }

    /// <summary>The documented normalization of an accepted value (tags are lower-cased, country codes upper-cased).</summary>
    public Func<string, string> Normalize { get; init; } = s => s;

    /// <summary>Target-specific samples.</summary>
    public IReadOnlyList<TextExtra> Extras { get; init; } = [];

    /// <summary>The cases of this target: every sample of <see cref="HostileText"/>, the length boundaries, the extras.</summary>
    /// <param name="category">The category.</param>
    /// <returns>The cases.</returns>
    public IEnumerable<CorpusCase> Cases(string category)
    {
        foreach (var sample in HostileText.Samples)
        {
            var (expect, stored) = ExpectFor(sample);
            yield return Case(category, sample.Label, sample.Value, expect, stored);
        }

        if (MaxLength is { } max && Shape is TextShape.SingleLine or TextShape.MultiLine && max <= 10_000)
        {
            var atMax = new string('字', max);
            yield return Case(category, string.Create(CultureInfo.InvariantCulture, $"CJK at the maximum length {max}"), atMax, Accepted(), Normalize(atMax));
            yield return Case(category, string.Create(CultureInfo.InvariantCulture, $"CJK one over the maximum length {max}"), atMax + "字", Expect.Invalid(Fields, "max-length"), null);
        }

        foreach (var extra in Extras)
        {
            yield return Case(category, extra.Label, extra.Value, extra.Expect, extra.Stored ?? extra.Value);
        }
    }

    /// <summary>
    /// A case for generated text: with a lone surrogate anywhere it must be refused with <c>invalid-unicode</c>; valid text
    /// (letters, digits, CJK, emoji, right-to-left scripts) must be accepted and stored exactly, or found nothing by a lookup.
    /// </summary>
    /// <param name="category">The category.</param>
    /// <param name="value">The generated text.</param>
    /// <returns>The case.</returns>
    public CorpusCase Generated(string category, string value)
    {
        var lone = HasLoneSurrogate(value);
        var label = $"generated {(lone ? "text with a lone surrogate" : "valid text")} \"{CorpusRunner.Shorten(value, 40)}\"";
        if (lone)
        {
            return Case(category, label, value, Expect.Invalid(Fields, "invalid-unicode"), null);
        }

        if (Shape == TextShape.Lookup)
        {
            return Case(category, label, value, Expect.AcceptedWithoutWrite() | Expect.Invalid(Fields, ["control-characters", "required", "max-length", .. LookupRules]), null);
        }

        return MaxLength is { } max && value.Length > max
            ? Case(category, label, value, Expect.Invalid(Fields, "max-length"), null)
            : Case(category, label, value, Accepted(), Normalize(value));
    }

    /// <summary>Whether <paramref name="text"/> holds a UTF-16 surrogate that is not part of a pair.</summary>
    /// <param name="text">The text.</param>
    /// <returns>Whether it does.</returns>
    public static bool HasLoneSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return true;
            }
        }

        return false;
    }

    private Expect Accepted() => Effect switch
    {
        StoreEffect.Writes => Expect.Accepted(),
        StoreEffect.None => Expect.AcceptedWithoutWrite(),
        _ => Expect.AcceptedAnyEffect(),
    };

    private (Expect Expect, string? Stored) ExpectFor(TextSample sample)
    {
        var value = sample.Value;
        var exact = Normalize(value);
        if (sample.Class == TextClass.LoneSurrogate)
        {
            return (Expect.Invalid(Fields, "invalid-unicode"), null);
        }

        switch (Shape)
        {
            case TextShape.Lookup:
                // A search may find nothing, or refuse text it cannot search for; it never writes.
                return (Expect.AcceptedWithoutWrite() | Expect.Invalid(Fields, ["control-characters", "required", "max-length", .. LookupRules]), null);
            case TextShape.Formatted:
                var rule = FormatRule!;
                return sample.Class switch
                {
                    TextClass.Control or TextClass.LineBreak => (Expect.Invalid(Fields, rule, "control-characters"), null),
                    TextClass.Invisible => (Expect.Invalid(Fields, rule, "required"), null),
                    TextClass.CombiningOnly => (Expect.Invalid(Fields, rule, "required", "invalid-unicode"), null),
                    TextClass.BidiOverride => (Expect.Invalid(Fields, [rule, .. BidiRules]), null),
                    TextClass.Huge => (Expect.Invalid(Fields, rule, "max-length"), null),
                    _ => (Expect.Invalid(Fields, rule), null),
                };
            default:
                return sample.Class switch
                {
                    TextClass.Control => (Expect.Invalid(Fields, "control-characters"), null),
                    TextClass.LineBreak when Shape == TextShape.MultiLine => (Accepted(), exact),
                    TextClass.LineBreak => (Expect.Invalid(Fields, "control-characters"), null),
                    TextClass.Invisible when Required => (Expect.Invalid(Fields, "required"), null),

                    // Optional text that is only invisible: stored as nothing (or as given), or refused as blank.
                    TextClass.Invisible => (Accepted() | Expect.Invalid(Fields, "required"), Lenient),
                    TextClass.CombiningOnly => (Accepted() | Expect.Invalid(Fields, "required", "invalid-unicode"), exact),
                    TextClass.BidiOverride => (Accepted() | Expect.Invalid(Fields, BidiRules), exact),
                    TextClass.Huge => (Expect.Invalid(Fields, "max-length"), null),
                    _ => (Accepted(), exact),
                };
        }
    }

    private CorpusCase Case(string category, string label, string value, Expect expect, string? stored)
    {
        Func<object?, Task<string?>>? verify = null;
        if (Stored is { } read && stored is not null && Shape != TextShape.Lookup)
        {
            verify = async result =>
            {
                var actual = await read(result);
                if (stored == Lenient)
                {
                    return actual is null || actual.Length == 0 || actual == value || actual == value.Trim() || actual == Normalize(value)
                        ? null
                        : $"stored {CorpusRunner.Shorten(actual, 80)} for an input of only invisible characters";
                }

                return string.Equals(actual, stored, StringComparison.Ordinal)
                    ? null
                    : $"stored {CorpusRunner.Shorten(actual, 80)} instead of {CorpusRunner.Shorten(stored, 80)}";
            };
        }

        return new CorpusCase
        {
            Category = category,
            Name = $"{Name} ← {label}",
            Expect = expect,
            Arrange = Arrange,
            Act = () => Act(value),
            Verify = verify,
        };
    }
}
