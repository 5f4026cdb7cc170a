using System.Data.Common;
using Crm.Sdk.ProviderKit;

namespace Crm.Sdk.Relational;

/// <summary>Provider kit: the SQL of an <see cref="AggregateQuery"/> (or a count), and how to read its rows.</summary>
public sealed class AggregateStatement
{
    private readonly IndexDefinition[] _groups;
    private readonly AggregateSql[] _functions;
    private readonly SqlDialect _dialect;

    private AggregateStatement(string sql, SqlParameters parameters, IndexDefinition[] groups, AggregateSql[] functions, SqlDialect dialect)
    {
        Sql = sql;
        Parameters = parameters;
        _groups = groups;
        _functions = functions;
        _dialect = dialect;
    }

    /// <summary>The SQL text.</summary>
    public string Sql { get; }

    /// <summary>Its parameters.</summary>
    public SqlParameters Parameters { get; }

    /// <summary>Builds the statement of an aggregate query: the group columns, then the functions (or <c>count(*)</c> when there are none).</summary>
    /// <param name="collection">The collection.</param>
    /// <param name="query">The query.</param>
    /// <returns>The statement.</returns>
    /// <exception cref="ArgumentException">The query names undeclared or multi-valued indexes, or a function cannot read its index.</exception>
    public static AggregateStatement Create(CollectionLayout collection, AggregateQuery query)
    {
        ArgumentNullException.ThrowIfNull(collection);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(query.GroupBy);
        ArgumentNullException.ThrowIfNull(query.Functions);
        var groups = query.GroupBy.Select(g => collection.GetSingleValued(g, "group by")).ToArray();
        var functions = query.Functions.Select(f => AggregateSql.For(collection, f)).ToArray();
        var parameters = collection.Dialect.CreateParameters();
        var where = new FilterTranslator(collection, parameters).Translate(query.Filter);
        var selected = groups.Select(CollectionLayout.Column).Concat(functions.Select(f => f.Sql)).ToList();
        if (selected.Count == 0)
        {
            selected.Add("count(*)");
        }

        var sql = $"SELECT {string.Join(", ", selected)} FROM {collection.Table} AS {CollectionLayout.Alias} WHERE {where}"
            + (groups.Length == 0 ? string.Empty : " GROUP BY " + string.Join(", ", groups.Select(CollectionLayout.Column)));
        return new AggregateStatement(sql, parameters, groups, functions, collection.Dialect);
    }

    /// <summary>Builds <c>SELECT count(*)</c> of the documents that match a filter; read it as a scalar.</summary>
    /// <param name="collection">The collection.</param>
    /// <param name="filter">The filter, or <see langword="null"/>.</param>
    /// <returns>The statement.</returns>
    public static AggregateStatement Count(CollectionLayout collection, IndexFilter? filter)
    {
        ArgumentNullException.ThrowIfNull(collection);
        var parameters = collection.Dialect.CreateParameters();
        var where = new FilterTranslator(collection, parameters).Translate(filter);
        return new AggregateStatement(
            $"SELECT count(*) FROM {collection.Table} AS {CollectionLayout.Alias} WHERE {where}", parameters, [], [], collection.Dialect);
    }

    /// <summary>Reads the current row: the group keys, then the computed values.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The row.</returns>
    public AggregateRow ReadRow(DbDataReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var keys = new object?[_groups.Length];
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = _dialect.FromDb(_groups[i].Type, reader.GetValue(i));
        }

        var values = new object?[_functions.Length];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = _functions[i].Read(reader.GetValue(keys.Length + i));
        }

        return new AggregateRow(keys, values);
    }
}
