using Crm.Sdk.ProviderKit;

namespace Crm.Sdk.Storage;

/// <summary>
/// One row of an aggregate, read by the group-by index names and the functions of its query instead of by position, and
/// typed: counts are whole numbers, sums of amounts decimals, keys text or numbers as their index declares.
/// </summary>
internal sealed class AggregateResult
{
    private readonly AggregateQuery _query;
    private readonly AggregateRow _row;

    private AggregateResult(AggregateQuery query, AggregateRow row)
    {
        _query = query;
        _row = row;
    }

    public static IReadOnlyList<AggregateResult> From(AggregateQuery query, IReadOnlyList<AggregateRow> rows) =>
        [.. rows.Select(row => new AggregateResult(query, row))];

    /// <summary>The group's value of a group-by index.</summary>
    public object? Key(string index) => _row.Keys[Position(_query.GroupBy, index, "group-by index")];

    /// <summary>The group's value of a text group-by index, or <see langword="null"/>.</summary>
    public string? Text(string index) => Key(index) as string;

    /// <summary>A count (0 when the provider returned none).</summary>
    public long Count(AggregateFunction function) => WholeNumber(function) ?? 0;

    /// <summary>A whole-number result (count, or min/max/sum of a whole-number index), or <see langword="null"/>.</summary>
    public long? WholeNumber(AggregateFunction function) => Value(function) as long?;

    /// <summary>A decimal result (sum of an amount), or <see langword="null"/>.</summary>
    public decimal? Number(AggregateFunction function) => Value(function) as decimal?;

    private object? Value(AggregateFunction function) => _row.Values[Position(_query.Functions, function, "function")];

    private static int Position<T>(IReadOnlyList<T> items, T item, string what)
    {
        for (var i = 0; i < items.Count; i++)
        {
            if (EqualityComparer<T>.Default.Equals(items[i], item))
            {
                return i;
            }
        }

        throw new InvalidOperationException($"The aggregate query has no {what} {item}.");
    }
}
