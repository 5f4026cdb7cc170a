using System.Runtime.CompilerServices;
using Crm.Sdk.PostgreSql.Sql;
using Crm.Sdk.ProviderKit;
using Npgsql;
using NpgsqlTypes;

namespace Crm.Sdk.PostgreSql;

/// <content>Reads: by id, by query (streamed, keyset-paged), counts and aggregates.</content>
public sealed partial class PostgreSqlDocumentStore
{
    /// <summary>The most ids sent in one <c>= ANY($1)</c> array.</summary>
    private const int IdsPerQuery = 10_000;

    /// <inheritdoc />
    public async Task<StoredDocument?> GetAsync(string collection, Guid id, CancellationToken cancellationToken)
    {
        var model = (await GetModelAsync(cancellationToken).ConfigureAwait(false)).Get(collection);
        await foreach (var document in ReadAsync(
            $"SELECT t.\"id\", t.\"version\", t.\"body\"::text FROM {model.Table} t WHERE t.\"id\" = $1",
            [new NpgsqlParameter { Value = id, NpgsqlDbType = NpgsqlDbType.Uuid }],
            null,
            $"reading {collection} '{id}'",
            cancellationToken).ConfigureAwait(false))
        {
            return document;
        }

        return null;
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<StoredDocument> GetManyAsync(string collection, IReadOnlyCollection<Guid> ids, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var model = (await GetModelAsync(cancellationToken).ConfigureAwait(false)).Get(collection);
        foreach (var chunk in ids.Distinct().Chunk(IdsPerQuery))
        {
            await foreach (var document in ReadAsync(
                $"SELECT t.\"id\", t.\"version\", t.\"body\"::text FROM {model.Table} t WHERE t.\"id\" = ANY($1)",
                [new NpgsqlParameter { Value = chunk, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid }],
                null,
                $"reading {collection} by ids",
                cancellationToken).ConfigureAwait(false))
            {
                yield return document;
            }
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<StoredDocument> QueryAsync(DocumentQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var model = (await GetModelAsync(cancellationToken).ConfigureAwait(false)).Get(query.Collection);
        if (query.Limit is < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(query), query.Limit, "The limit must not be negative.");
        }

        var parameters = new SqlParameters();
        var conditions = new List<string> { FilterTranslator.Translate(model, query.Filter, parameters) };
        var direction = query.Descending ? "DESC" : "ASC";
        var comparison = query.Descending ? "<" : ">";
        string orderBy;
        IndexDefinition? order = null;
        if (query.OrderBy is null)
        {
            orderBy = $"t.\"id\" {direction}";
            if (query.After is { } after)
            {
                conditions.Add($"t.\"id\" {comparison} {parameters.Add(after.Id, NpgsqlDbType.Uuid)}");
            }
        }
        else
        {
            order = model.GetIndex(query.OrderBy);
            if (order.IsMultiValued)
            {
                throw new ArgumentException($"Cannot order by multi-valued index '{order.Name}' of '{model.Name}'.", nameof(query));
            }

            var column = FilterTranslator.Column(order);
            orderBy = $"{column} {direction}, t.\"id\" {direction}";
            conditions.Add($"{column} IS NOT NULL");
            if (query.After is { } after)
            {
                var value = FilterTranslator.Value(model, order, after.SortValue, parameters);
                conditions.Add($"({column}, t.\"id\") {comparison} ({value}, {parameters.Add(after.Id, NpgsqlDbType.Uuid)})");
            }
        }

        var select = order is null ? string.Empty : ", " + FilterTranslator.Column(order);
        var limit = query.Limit is { } n ? $" LIMIT {n.ToString(System.Globalization.CultureInfo.InvariantCulture)}" : string.Empty;
        var sql = $"SELECT t.\"id\", t.\"version\", t.\"body\"::text{select} FROM {model.Table} t WHERE {string.Join(" AND ", conditions)} ORDER BY {orderBy}{limit}";
        await foreach (var document in ReadAsync(sql, parameters.List, order, $"querying {model.Name}", cancellationToken).ConfigureAwait(false))
        {
            yield return document;
        }
    }

    /// <inheritdoc />
    public async Task<long> CountAsync(string collection, IndexFilter? filter, CancellationToken cancellationToken)
    {
        var model = (await GetModelAsync(cancellationToken).ConfigureAwait(false)).Get(collection);
        var parameters = new SqlParameters();
        var sql = $"SELECT count(*) FROM {model.Table} t WHERE {FilterTranslator.Translate(model, filter, parameters)}";
        var connection = await OpenAsync($"counting {collection}", cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            try
            {
                using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = _commandTimeout };
                parameters.CopyTo(command.Parameters);
                return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
            }
            catch (Exception ex) when (StorageErrors.IsDatabaseFailure(ex) && !cancellationToken.IsCancellationRequested)
            {
                throw StorageErrors.Wrap($"counting {collection}", ex);
            }
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<AggregateRow>> AggregateAsync(AggregateQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(query.GroupBy);
        ArgumentNullException.ThrowIfNull(query.Functions);
        var model = (await GetModelAsync(cancellationToken).ConfigureAwait(false)).Get(query.Collection);
        var groups = query.GroupBy.Select(name =>
        {
            var index = model.GetIndex(name);
            return index.IsMultiValued
                ? throw new ArgumentException($"Cannot group by multi-valued index '{name}' of '{model.Name}'.", nameof(query))
                : index;
        }).ToArray();
        var functions = query.Functions.Select(f => AggregateSql.For(model, f)).ToArray();
        var parameters = new SqlParameters();
        var columns = groups.Select(FilterTranslator.Column).Concat(functions.Select(f => f.Sql)).ToArray();
        if (columns.Length == 0)
        {
            throw new ArgumentException("An aggregate query needs at least one function or group.", nameof(query));
        }

        var sql = $"SELECT {string.Join(", ", columns)} FROM {model.Table} t WHERE {FilterTranslator.Translate(model, query.Filter, parameters)}"
            + (groups.Length == 0 ? string.Empty : $" GROUP BY {string.Join(", ", groups.Select(FilterTranslator.Column))}");
        var connection = await OpenAsync($"aggregating {model.Name}", cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            try
            {
                using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = _commandTimeout };
                parameters.CopyTo(command.Parameters);
                using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                var rows = new List<AggregateRow>();
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    var keys = groups.Select((g, i) => IndexValueCodec.FromDb(g.Type, reader.GetValue(i))).ToArray();
                    var values = functions.Select((f, i) => f.Read(reader.GetValue(groups.Length + i))).ToArray();
                    rows.Add(new AggregateRow(keys, values));
                }

                return rows;
            }
            catch (Exception ex) when (StorageErrors.IsDatabaseFailure(ex) && !cancellationToken.IsCancellationRequested)
            {
                throw StorageErrors.Wrap($"aggregating {model.Name}", ex);
            }
        }
    }

    /// <summary>Runs a query of documents (id, version, body[, sort value]) and streams them, wrapping database failures.</summary>
    private async IAsyncEnumerable<StoredDocument> ReadAsync(
        string sql, IEnumerable<NpgsqlParameter> parameters, IndexDefinition? order, string doing, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(doing, cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var command = new NpgsqlCommand(sql, connection) { CommandTimeout = _commandTimeout };
            await using (command.ConfigureAwait(false))
            {
                foreach (var parameter in parameters)
                {
                    command.Parameters.Add(parameter);
                }

                NpgsqlDataReader reader;
                try
                {
                    reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (StorageErrors.IsDatabaseFailure(ex) && !cancellationToken.IsCancellationRequested)
                {
                    throw StorageErrors.Wrap(doing, ex);
                }

                await using (reader.ConfigureAwait(false))
                {
                    while (true)
                    {
                        StoredDocument document;
                        try
                        {
                            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                            {
                                break;
                            }

                            var id = reader.GetGuid(0);
                            document = new StoredDocument(id, reader.GetInt64(1), reader.GetString(2))
                            {
                                SortValue = order is null ? id : IndexValueCodec.FromDb(order.Type, reader.GetValue(3)),
                            };
                        }
                        catch (Exception ex) when (StorageErrors.IsDatabaseFailure(ex) && !cancellationToken.IsCancellationRequested)
                        {
                            throw StorageErrors.Wrap(doing, ex);
                        }

                        yield return document;
                    }
                }
            }
        }
    }
}
