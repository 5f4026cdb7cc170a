using System.Globalization;
using Crm.Sdk.PostgreSql.Schema;
using Crm.Sdk.ProviderKit;

namespace Crm.Sdk.PostgreSql.Sql;

/// <summary>One aggregate function as SQL, and how to read its result back to the contract's CLR type.</summary>
internal sealed class AggregateSql
{
    private AggregateSql(string sql, Func<object?, object?> read)
    {
        Sql = sql;
        Read = read;
    }

    public string Sql { get; }

    public Func<object?, object?> Read { get; }

    public static AggregateSql For(CollectionModel model, AggregateFunction function)
    {
        ArgumentNullException.ThrowIfNull(function);
        if (function.Kind == AggregateKind.Count && function.Index is null)
        {
            return new AggregateSql("count(*)", v => ToLong(v));
        }

        if (function.Index is null)
        {
            throw new ArgumentException($"{function.Kind} needs an index.", nameof(function));
        }

        var index = model.GetIndex(function.Index);
        if (index.IsMultiValued)
        {
            throw new ArgumentException($"Cannot aggregate multi-valued index '{index.Name}' of '{model.Name}'.", nameof(function));
        }

        var column = FilterTranslator.Column(index);
        var numeric = index.Type is IndexValueType.WholeNumber or IndexValueType.Number;
        return function.Kind switch
        {
            AggregateKind.Count => new AggregateSql($"count({column})", v => ToLong(v)),

            // SUM(bigint) is numeric in PostgreSQL: read it back as a long.
            AggregateKind.Sum when index.Type == IndexValueType.Number => new AggregateSql(
                $"sum({column})", v => v is null or DBNull ? null : IndexValueCodec.Normalize(Convert.ToDecimal(v, CultureInfo.InvariantCulture))),
            AggregateKind.Sum when numeric => new AggregateSql(
                $"sum({column})", v => v is null or DBNull ? null : SumAsLong(index, Convert.ToDecimal(v, CultureInfo.InvariantCulture))),

            // PostgreSQL has no min/max over uuid: the canonical text form orders like the bytes (and like Guid.CompareTo).
            AggregateKind.Min or AggregateKind.Max when index.Type == IndexValueType.Uuid => new AggregateSql(
                $"{Function(function.Kind)}({column}::text COLLATE \"C\")::uuid", v => IndexValueCodec.FromDb(index.Type, v)),
            AggregateKind.Min or AggregateKind.Max => new AggregateSql(
                $"{Function(function.Kind)}({column})", v => IndexValueCodec.FromDb(index.Type, v)),
            AggregateKind.Average when numeric => new AggregateSql(
                $"avg({column})::double precision", v => v is null or DBNull ? null : Convert.ToDouble(v, CultureInfo.InvariantCulture)),
            _ => throw new ArgumentException($"{function.Kind} cannot read '{index.Name}' of '{model.Name}' ({index.Type}).", nameof(function)),
        };
    }

    private static string Function(AggregateKind kind) => kind == AggregateKind.Min ? "min" : "max";

    private static long SumAsLong(IndexDefinition index, decimal sum) =>
        sum is >= long.MinValue and <= long.MaxValue
            ? (long)sum
            : throw new CrmStorageException($"The sum of '{index.Name}' ({sum.ToString(CultureInfo.InvariantCulture)}) does not fit in a long.", null);

    private static long ToLong(object? value) => value is null or DBNull ? 0L : Convert.ToInt64(value, CultureInfo.InvariantCulture);
}
