using System.Runtime.CompilerServices;
using Crm.Sdk.ProviderKit;
using Crm.Sdk.Sqlite.Connections;
using Crm.Sdk.Sqlite.Schema;
using Crm.Sdk.Sqlite.Sql;
using Microsoft.Data.Sqlite;

namespace Crm.Sdk.Sqlite;

/// <content>Reads: each on a reader connection of its own, concurrent with writes thanks to WAL.</content>
public sealed partial class SqliteDocumentStore
{
    /// <summary>Ids per <c>IN (...)</c> list, well under SQLite's limit on parameters.</summary>
    private const int IdChunkSize = 500;

    private const string DocumentColumns = "t.\"id\", t.\"version\", t.\"body\"";

    /// <inheritdoc />
    public async Task<StoredDocument?> GetAsync(string collection, Guid id, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(collection);
        var model = (await GetModelAsync(cancellationToken).ConfigureAwait(false)).Get(collection);
        return await ReadAsync(
            () => $"reading '{collection}' {id}",
            async connection =>
            {
                var command = connection.Command(model.GetByIdSql, [new SqliteParameter("@id", GuidBytes.ToBytes(id))]);
                var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? ReadDocument(reader, null) : null;
                }
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<StoredDocument> GetManyAsync(
        string collection,
        IReadOnlyCollection<Guid> ids,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(collection);
        ArgumentNullException.ThrowIfNull(ids);
        var model = (await GetModelAsync(cancellationToken).ConfigureAwait(false)).Get(collection);
        foreach (var chunk in ids.Distinct().Chunk(IdChunkSize))
        {
            var sql = $"SELECT {DocumentColumns} FROM {model.Table} AS t WHERE t.\"id\" IN ("
                + string.Join(", ", chunk.Select((_, i) => "@i" + i.ToString(System.Globalization.CultureInfo.InvariantCulture))) + ")";
            var parameters = chunk.Select((id, i) => new SqliteParameter("@i" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), GuidBytes.ToBytes(id)));
            await foreach (var document in StreamAsync(sql, parameters.ToArray(), null, $"reading '{collection}' by id", cancellationToken).ConfigureAwait(false))
            {
                yield return document;
            }
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<StoredDocument> QueryAsync(DocumentQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Limit is < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(query), query.Limit, "The limit must not be negative.");
        }

        var model = (await GetModelAsync(cancellationToken).ConfigureAwait(false)).Get(query.Collection);
        using var command = new SqliteCommand();
        var translator = new FilterTranslator(command, model);
        var conditions = new List<string> { translator.Translate(query.Filter) };
        var order = query.OrderBy is null ? null : model.GetIndex(query.OrderBy);
        if (order is { IsMultiValued: true })
        {
            throw new ArgumentException($"Cannot order by multi-valued index '{order.Name}' of '{model.Name}'.", nameof(query));
        }

        var direction = query.Descending ? "DESC" : "ASC";
        var after = query.Descending ? "<" : ">";
        string orderBy;
        if (order is null)
        {
            orderBy = $"t.\"id\" {direction}";
            if (query.After is { } position)
            {
                conditions.Add($"t.\"id\" {after} {translator.Parameter(GuidBytes.ToBytes(position.Id))}");
            }
        }
        else
        {
            var column = FilterTranslator.Column(order);
            orderBy = $"{column} {direction}, t.\"id\" {direction}";
            conditions.Add($"{column} IS NOT NULL");
            if (query.After is { } position)
            {
                ArgumentNullException.ThrowIfNull(position.SortValue);
                var value = translator.Parameter(IndexValueCodec.ToDb(order, position.SortValue, model.Name));
                var id = translator.Parameter(GuidBytes.ToBytes(position.Id));

                // The first term is a range the index serves; the second is exact keyset order.
                conditions.Add($"{column} {after}= {value} AND ({column} {after} {value} OR t.\"id\" {after} {id})");
            }
        }

        var select = order is null ? DocumentColumns : $"{DocumentColumns}, {FilterTranslator.Column(order)}";
        var sql = $"SELECT {select} FROM {model.Table} AS t WHERE {string.Join(" AND ", conditions.Select(c => "(" + c + ")"))} ORDER BY {orderBy}";
        if (query.Limit is { } limit)
        {
            sql += $" LIMIT {translator.Parameter((long)limit)}";
        }

        var parameters = TakeParameters(command);
        await foreach (var document in StreamAsync(sql, parameters, order, $"querying '{query.Collection}'", cancellationToken).ConfigureAwait(false))
        {
            yield return document;
        }
    }

    /// <inheritdoc />
    public async Task<long> CountAsync(string collection, IndexFilter? filter, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(collection);
        var model = (await GetModelAsync(cancellationToken).ConfigureAwait(false)).Get(collection);
        using var scratch = new SqliteCommand();
        var where = new FilterTranslator(scratch, model).Translate(filter);
        var sql = $"SELECT count(*) FROM {model.Table} AS t WHERE {where}";
        var parameters = TakeParameters(scratch);
        return await ReadAsync(
            () => $"counting '{collection}'",
            async connection =>
            {
                var count = await connection.Command(sql, parameters).ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
                return Convert.ToInt64(count, System.Globalization.CultureInfo.InvariantCulture);
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<AggregateRow>> AggregateAsync(AggregateQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(query.GroupBy);
        ArgumentNullException.ThrowIfNull(query.Functions);
        var model = (await GetModelAsync(cancellationToken).ConfigureAwait(false)).Get(query.Collection);
        var groups = query.GroupBy.Select(g => SingleValued(model, g, "group by")).ToArray();
        var functions = query.Functions.Select(f => AggregateSql.For(model, f)).ToArray();
        using var scratch = new SqliteCommand();
        var where = new FilterTranslator(scratch, model).Translate(query.Filter);
        var selected = groups.Select(FilterTranslator.Column).Concat(functions.Select(f => f.Sql)).ToList();
        if (selected.Count == 0)
        {
            selected.Add("count(*)");
        }

        var sql = $"SELECT {string.Join(", ", selected)} FROM {model.Table} AS t WHERE {where}"
            + (groups.Length == 0 ? string.Empty : " GROUP BY " + string.Join(", ", groups.Select(FilterTranslator.Column)));
        var parameters = TakeParameters(scratch);
        return await ReadAsync(
            () => $"aggregating '{query.Collection}'",
            async connection =>
            {
                var rows = new List<AggregateRow>();
                var reader = await connection.Command(sql, parameters).ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        var keys = new object?[groups.Length];
                        for (var i = 0; i < groups.Length; i++)
                        {
                            keys[i] = IndexValueCodec.FromDb(groups[i].Type, reader.GetValue(i));
                        }

                        var values = new object?[functions.Length];
                        for (var i = 0; i < functions.Length; i++)
                        {
                            values[i] = functions[i].Read(reader.GetValue(groups.Length + i));
                        }

                        rows.Add(new AggregateRow(keys, values));
                    }
                }

                return (IReadOnlyList<AggregateRow>)rows;
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The parameters a <see cref="FilterTranslator"/> added to a scratch command, taken off it for a cached one.</summary>
    private static SqliteParameter[] TakeParameters(SqliteCommand scratch)
    {
        var parameters = scratch.Parameters.Cast<SqliteParameter>().ToArray();
        scratch.Parameters.Clear();
        return parameters;
    }

    private static IndexDefinition SingleValued(CollectionModel model, string name, string use)
    {
        var index = model.GetIndex(name);
        return index.IsMultiValued
            ? throw new ArgumentException($"Cannot {use} multi-valued index '{name}' of '{model.Name}'.", nameof(name))
            : index;
    }

    private static StoredDocument ReadDocument(SqliteDataReader reader, IndexDefinition? order)
    {
        var id = GuidBytes.FromBytes((byte[])reader.GetValue(0));
        return new StoredDocument(id, reader.GetInt64(1), reader.GetString(2))
        {
            SortValue = order is null ? id : IndexValueCodec.FromDb(order.Type, reader.GetValue(3)),
        };
    }

    /// <summary>Runs a query on its own connection and yields its documents as the reader moves.</summary>
    private async IAsyncEnumerable<StoredDocument> StreamAsync(
        string sql,
        SqliteParameter[] parameters,
        IndexDefinition? order,
        string doing,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var connection = await TakeReaderAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var command = connection.Command(sql, parameters);
            await foreach (var document in ReadRowsAsync(connection, command, reader => ReadDocument(reader, order), doing, cancellationToken).ConfigureAwait(false))
            {
                yield return document;
            }
        }
        finally
        {
            _connections.ReturnReader(connection);
        }
    }

    /// <summary>Executes a command and yields one item per row as the reader moves, mapping SQLite failures to storage errors.</summary>
    private static async IAsyncEnumerable<T> ReadRowsAsync<T>(
        CachedConnection connection,
        SqliteCommand command,
        Func<SqliteDataReader, T> read,
        string doing,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        SqliteDataReader reader;
        try
        {
            reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (SqliteException ex)
        {
            connection.Break();
            throw StorageError(doing, ex);
        }

        await using (reader.ConfigureAwait(false))
        {
            while (true)
            {
                T item;
                try
                {
                    if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        yield break;
                    }

                    item = read(reader);
                }
                catch (SqliteException ex)
                {
                    connection.Break();
                    throw StorageError(doing, ex);
                }

                yield return item;
            }
        }
    }
}
