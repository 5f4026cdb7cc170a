using System.Data.Common;
using Crm.Sdk.ProviderKit;

namespace Crm.Sdk.Relational;

/// <summary>
/// Provider kit: the SQL of a <see cref="DocumentQuery"/>: the documents that match its filter, ordered by its index
/// (documents without a value left out) then by id, strictly after its keyset position, at most its limit.
/// </summary>
public sealed class QueryStatement
{
    private readonly CollectionLayout _collection;

    private QueryStatement(CollectionLayout collection, string sql, SqlParameters parameters, IndexDefinition? order)
    {
        _collection = collection;
        Sql = sql;
        Parameters = parameters;
        Order = order;
    }

    /// <summary>The SQL text: <c>id, version, body</c>, then the order column when ordering by an index.</summary>
    public string Sql { get; }

    /// <summary>Its parameters.</summary>
    public SqlParameters Parameters { get; }

    /// <summary>The order index, or <see langword="null"/> when ordering by id.</summary>
    public IndexDefinition? Order { get; }

    /// <summary>Builds the statement of a query.</summary>
    /// <param name="collection">The collection.</param>
    /// <param name="query">The query.</param>
    /// <returns>The statement.</returns>
    /// <exception cref="ArgumentException">The query names an undeclared index, orders by a multi-valued one, or has a negative limit.</exception>
    public static QueryStatement Create(CollectionLayout collection, DocumentQuery query)
    {
        ArgumentNullException.ThrowIfNull(collection);
        ArgumentNullException.ThrowIfNull(query);
        if (query.Limit is < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(query), query.Limit, "The limit must not be negative.");
        }

        var dialect = collection.Dialect;
        var parameters = dialect.CreateParameters();
        var translator = new FilterTranslator(collection, parameters);
        var conditions = new List<string> { translator.Translate(query.Filter) };
        var order = query.OrderBy is null ? null : collection.GetSingleValued(query.OrderBy, "order by");
        var direction = query.Descending ? "DESC" : "ASC";
        var comparison = query.Descending ? "<" : ">";
        const string id = CollectionLayout.Alias + ".\"id\"";
        string orderBy;
        if (order is null)
        {
            orderBy = $"{id} {direction}";
            if (query.After is { } position)
            {
                conditions.Add($"{id} {comparison} {translator.Id(position.Id)}");
            }
        }
        else
        {
            var column = CollectionLayout.Column(order);
            orderBy = $"{column} {direction}, {id} {direction}";
            conditions.Add($"{column} IS NOT NULL");
            if (query.After is { } position)
            {
                var value = translator.Comparable(order, position.SortValue);
                conditions.Add(dialect.After(column, id, comparison, value, translator.Id(position.Id)));
            }
        }

        var select = order is null ? string.Empty : ", " + CollectionLayout.Column(order);
        var sql = $"SELECT {id}, {CollectionLayout.Alias}.\"version\", {dialect.Body(CollectionLayout.Alias)}{select} "
            + $"FROM {collection.Table} AS {CollectionLayout.Alias} WHERE {string.Join(" AND ", conditions.Select(c => "(" + c + ")"))} ORDER BY {orderBy}";
        if (query.Limit is { } limit)
        {
            sql += $" LIMIT {parameters.Add((long)limit, IndexValueType.WholeNumber)}";
        }

        return new QueryStatement(collection, sql, parameters, order);
    }

    /// <summary>Reads the current row as a document with its sort value.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The document.</returns>
    public StoredDocument ReadDocument(DbDataReader reader) => _collection.ReadDocument(reader, Order);
}
