namespace Crm.Sdk.Specification.Tests.Storage;

/// <summary>
/// Orders strings by Unicode code point, the order of Text indexes (SQLite's BINARY collation over UTF-8, PostgreSQL's
/// "C" collation). It differs from <see cref="StringComparer.Ordinal"/> (UTF-16 code units) only between characters
/// above U+FFFF and those from U+E000 to U+FFFF.
/// </summary>
public sealed class CodePointComparer : IComparer<string?>
{
    /// <summary>The comparer.</summary>
    public static CodePointComparer Instance { get; } = new();

    /// <inheritdoc />
    public int Compare(string? x, string? y)
    {
        if (x is null || y is null)
        {
            return x is null ? (y is null ? 0 : -1) : 1;
        }

        var left = x.EnumerateRunes().GetEnumerator();
        var right = y.EnumerateRunes().GetEnumerator();
        while (true)
        {
            var hasLeft = left.MoveNext();
            var hasRight = right.MoveNext();
            if (!hasLeft || !hasRight)
            {
                return hasLeft == hasRight ? 0 : hasLeft ? 1 : -1;
            }

            var difference = left.Current.Value.CompareTo(right.Current.Value);
            if (difference != 0)
            {
                return difference;
            }
        }
    }
}
