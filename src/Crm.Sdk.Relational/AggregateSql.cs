using System.Globalization;
using Crm.Sdk.ProviderKit;

namespace Crm.Sdk.Relational;

/// <summary>Provider kit: one aggregate function as SQL, and how to read its result back to the contract's CLR type.</summary>
public sealed class AggregateSql
{
    /// <summary>Creates an aggregate expression.</summary>
    /// <param name="sql">The SQL expression.</param>
    /// <param name="read">Reads the column value back (<see cref="DBNull"/> or <see langword="null"/> when there is none).</param>
    public AggregateSql(string sql, Func<object?, object?> read)
    {
        ArgumentException.ThrowIfNullOrEmpty(sql);
        ArgumentNullException.ThrowIfNull(read);
        Sql = sql;
        Read = read;
    }

    /// <summary>The SQL expression.</summary>
    public string Sql { get; }

    /// <summary>Reads the column value back.</summary>
    public Func<object?, object?> Read { get; }

    /// <summary>
    /// Checks a function against the collection and asks the dialect for its SQL: counts are plain SQL; sums and
    /// averages take WholeNumber and Number indexes, minimums and maximums any single-valued index.
    /// </summary>
    /// <param name="collection">The collection.</param>
    /// <param name="function">The function.</param>
    /// <returns>The expression.</returns>
    /// <exception cref="ArgumentException">The function needs an index it lacks, names an undeclared or multi-valued index, or cannot read its type.</exception>
    public static AggregateSql For(CollectionLayout collection, AggregateFunction function)
    {
        ArgumentNullException.ThrowIfNull(collection);
        ArgumentNullException.ThrowIfNull(function);
        if (function.Kind == AggregateKind.Count && function.Index is null)
        {
            return new AggregateSql("count(*)", v => ToLong(v));
        }

        if (function.Index is null)
        {
            throw new ArgumentException($"{function.Kind} needs an index.", nameof(function));
        }

        var index = collection.GetIndex(function.Index);
        if (index.IsMultiValued)
        {
            throw new ArgumentException($"Cannot aggregate multi-valued index '{index.Name}' of '{collection.Name}'.", nameof(function));
        }

        var column = CollectionLayout.Column(index);
        var numeric = index.Type is IndexValueType.WholeNumber or IndexValueType.Number;
        var dialect = collection.Dialect;
        return function.Kind switch
        {
            AggregateKind.Count => new AggregateSql($"count({column})", v => ToLong(v)),
            AggregateKind.Sum when numeric => dialect.Sum(index, column),
            AggregateKind.Min or AggregateKind.Max => dialect.MinOrMax(function.Kind, index, column),
            AggregateKind.Average when numeric => dialect.Average(index, column),
            _ => throw new ArgumentException($"{function.Kind} cannot read '{index.Name}' of '{collection.Name}' ({index.Type}).", nameof(function)),
        };
    }

    private static long ToLong(object? value) => value is null or DBNull ? 0L : Convert.ToInt64(value, CultureInfo.InvariantCulture);
}
