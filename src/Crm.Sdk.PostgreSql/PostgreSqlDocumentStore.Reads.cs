using System.Runtime.CompilerServices;
using Crm.Sdk.PostgreSql.Sql;
using Crm.Sdk.ProviderKit;
using Crm.Sdk.Relational;
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
            reader => model.ReadDocument(reader, null),
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
                reader => model.ReadDocument(reader, null),
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
        var statement = QueryStatement.Create(model, query);
        await foreach (var document in ReadAsync(statement.Sql, Parameters(statement), statement.ReadDocument, $"querying {model.Name}", cancellationToken).ConfigureAwait(false))
        {
            yield return document;
        }
    }

    /// <inheritdoc />
    public async Task<long> CountAsync(string collection, IndexFilter? filter, CancellationToken cancellationToken)
    {
        var model = (await GetModelAsync(cancellationToken).ConfigureAwait(false)).Get(collection);
        var statement = AggregateStatement.Count(model, filter);
        var connection = await OpenAsync($"counting {collection}", cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            try
            {
                using var command = new NpgsqlCommand(statement.Sql, connection) { CommandTimeout = _commandTimeout };
                Parameters(statement.Parameters).CopyTo(command.Parameters);
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
        var model = (await GetModelAsync(cancellationToken).ConfigureAwait(false)).Get(query.Collection);
        var statement = AggregateStatement.Create(model, query);
        var connection = await OpenAsync($"aggregating {model.Name}", cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            try
            {
                using var command = new NpgsqlCommand(statement.Sql, connection) { CommandTimeout = _commandTimeout };
                Parameters(statement.Parameters).CopyTo(command.Parameters);
                using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                var rows = new List<AggregateRow>();
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    rows.Add(statement.ReadRow(reader));
                }

                return rows;
            }
            catch (Exception ex) when (StorageErrors.IsDatabaseFailure(ex) && !cancellationToken.IsCancellationRequested)
            {
                throw StorageErrors.Wrap($"aggregating {model.Name}", ex);
            }
        }
    }

    /// <summary>The parameters the relational core built for a statement.</summary>
    private static PostgreSqlParameters Parameters(SqlParameters parameters) => (PostgreSqlParameters)parameters;

    private static List<NpgsqlParameter> Parameters(QueryStatement statement) => Parameters(statement.Parameters).List;

    /// <summary>Runs a query on a connection of its own and streams one item per row as the reader moves, wrapping database failures.</summary>
    private async IAsyncEnumerable<T> ReadAsync<T>(
        string sql, IEnumerable<NpgsqlParameter> parameters, Func<NpgsqlDataReader, T> read, string doing, [EnumeratorCancellation] CancellationToken cancellationToken)
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
                        T document;
                        try
                        {
                            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                            {
                                break;
                            }

                            document = read(reader);
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
