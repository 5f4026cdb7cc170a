using System.Globalization;
using Crm.Sdk.ProviderKit;
using Crm.Sdk.Sqlite.Schema;

namespace Crm.Sdk.Sqlite.Sql;

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
            AggregateKind.Sum when numeric => new AggregateSql($"sum({column})", v => IndexValueCodec.FromDb(index.Type, v)),
            AggregateKind.Min => new AggregateSql($"min({column})", v => IndexValueCodec.FromDb(index.Type, v)),
            AggregateKind.Max => new AggregateSql($"max({column})", v => IndexValueCodec.FromDb(index.Type, v)),
            AggregateKind.Average when numeric => new AggregateSql(
                $"avg({column})",
                v => v is null or DBNull
                    ? null
                    : Convert.ToDouble(v, CultureInfo.InvariantCulture) / (index.Type == IndexValueType.Number ? (double)IndexValueCodec.Scale : 1d)),
            _ => throw new ArgumentException($"{function.Kind} cannot read '{index.Name}' of '{model.Name}' ({index.Type}).", nameof(function)),
        };
    }

    private static long ToLong(object? value) => value is null or DBNull ? 0L : Convert.ToInt64(value, CultureInfo.InvariantCulture);
}
