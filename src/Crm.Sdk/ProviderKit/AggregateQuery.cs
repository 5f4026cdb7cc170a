namespace Crm.Sdk.ProviderKit;

/// <summary>What an <see cref="AggregateFunction"/> computes.</summary>
public enum AggregateKind
{
    /// <summary>The number of documents (<see cref="long"/>); needs no index.</summary>
    Count,

    /// <summary>
    /// The exact sum of non-null values (same CLR type as the index; null when there are none). It never overflows on the
    /// way, however many values it adds; a sum that does not fit the type (a WholeNumber sum beyond <see cref="long"/>) is
    /// a <see cref="CrmStorageException"/> that names the index.
    /// </summary>
    Sum,

    /// <summary>The smallest non-null value (same CLR type as the index).</summary>
    Min,

    /// <summary>The largest non-null value (same CLR type as the index).</summary>
    Max,

    /// <summary>The mean of non-null values as a <see cref="double"/> (null when there are none).</summary>
    Average,
}

/// <summary>One computed value of an <see cref="AggregateQuery"/>.</summary>
/// <param name="Kind">What to compute.</param>
/// <param name="Index">The single-valued WholeNumber or Number index it reads (Min and Max also take Text and Uuid); null for Count.</param>
public sealed record AggregateFunction(AggregateKind Kind, string? Index = null);

/// <summary>Groups the documents matching a filter by zero or more indexes and computes functions per group.</summary>
/// <param name="Collection">The collection name.</param>
/// <param name="Filter">The condition, or <see langword="null"/>.</param>
/// <param name="GroupBy">The single-valued indexes to group by; empty for one row over everything.</param>
/// <param name="Functions">The values to compute per group.</param>
public sealed record AggregateQuery(string Collection, IndexFilter? Filter, IReadOnlyList<string> GroupBy, IReadOnlyList<AggregateFunction> Functions);

/// <summary>One group of an aggregate result.</summary>
/// <param name="Keys">The group's values of the <see cref="AggregateQuery.GroupBy"/> indexes, in order.</param>
/// <param name="Values">The computed values, in the order of <see cref="AggregateQuery.Functions"/>.</param>
public sealed record AggregateRow(IReadOnlyList<object?> Keys, IReadOnlyList<object?> Values);
