using FsCheck;
using FsCheck.Fluent;

namespace Crm.Sdk.Specification.Tests.Crm.HostileInput;

/// <summary>
/// Generated text on generated targets: strings of letters, digits, CJK (in and outside the BMP), emoji and
/// right-to-left letters, half of them with a lone surrogate inserted at a generated position. Every text input must
/// refuse a lone surrogate with <c>invalid-unicode</c> and store the rest exactly.
/// </summary>
internal static class GeneratedTextCases
{
    private static readonly string[] Atoms =
    [
        "a", "q", "Z", "7", "é", "ß", "李", "小", "龙", "字", "𠀀", "𪚥", "😀", "🎉", "👍🏽", "م", "ر", "ש", "ל", "Ж", "ह",
    ];

    private static readonly char[] Surrogates = ['\uD800', '\uDBFF', '\uDC00', '\uDFFF', '\uD83D', '\uDE00'];

    /// <summary>The cases.</summary>
    /// <param name="w">The world.</param>
    /// <param name="count">How many.</param>
    /// <returns>The cases.</returns>
    public static IEnumerable<CorpusCase> Cases(CorpusWorld w, int count)
    {
        var targets = TextTargets.Customers(w)
            .Concat(TextTargets.Interactions(w))
            .Concat(TextTargets.PipelinesAndDeals(w))
            .Concat(TextTargets.Tickets(w))
            .Where(t => t.Shape != TextShape.Formatted)
            .ToArray();
        var text =
            from atoms in Gen.Choose(3, 10).SelectMany(n => Gen.ArrayOf(Gen.Elements(Atoms), n))
            from lone in Gen.Elements(false, true)
            from surrogate in Gen.Elements(Surrogates)
            from position in Gen.Choose(0, 1_000)
            select Insert(string.Concat(atoms), lone ? surrogate : null, position);
        var samples = w.Sample(
            from target in Gen.Choose(0, targets.Length - 1)
            from value in text
            select (Target: target, Value: value),
            count,
            stream: 800);
        return samples.Select(s => targets[s.Target].Generated("text", s.Value));
    }

    private static string Insert(string text, char? surrogate, int position) =>
        surrogate is { } c ? text.Insert(position % (text.Length + 1), c.ToString()) : text;
}
