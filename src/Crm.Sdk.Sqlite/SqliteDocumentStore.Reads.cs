using System.Runtime.CompilerServices;
using Crm.Sdk.ProviderKit;
using Crm.Sdk.Relational;
using Crm.Sdk.Sqlite.Connections;
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
                    return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? model.ReadDocument(reader, null) : null;
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
            await foreach (var document in StreamAsync(sql, parameters, reader => model.ReadDocument(reader, null), $"reading '{collection}' by id", cancellationToken).ConfigureAwait(false))
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
        await foreach (var document in StreamAsync(statement.Sql, Parameters(statement.Parameters), statement.ReadDocument, $"querying '{query.Collection}'", cancellationToken).ConfigureAwait(false))
        {
            yield return document;
        }
    }

    /// <inheritdoc />
    public async Task<long> CountAsync(string collection, IndexFilter? filter, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(collection);
        var model = (await GetModelAsync(cancellationToken).ConfigureAwait(false)).Get(collection);
        var statement = AggregateStatement.Count(model, filter);
        var sql = statement.Sql;
        var parameters = Parameters(statement.Parameters);
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
        var model = (await GetModelAsync(cancellationToken).ConfigureAwait(false)).Get(query.Collection);
        var statement = AggregateStatement.Create(model, query);
        var parameters = Parameters(statement.Parameters);
        return await ReadAsync(
            () => $"aggregating '{query.Collection}'",
            async connection =>
            {
                var rows = new List<AggregateRow>();
                var reader = await connection.Command(statement.Sql, parameters).ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        rows.Add(statement.ReadRow(reader));
                    }
                }

                return (IReadOnlyList<AggregateRow>)rows;
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The parameters the relational core built for a statement.</summary>
    private static IReadOnlyList<SqliteParameter> Parameters(SqlParameters parameters) => ((SqliteSqlParameters)parameters).List;

    /// <summary>Runs a query on its own connection and yields its documents as the reader moves.</summary>
    private async IAsyncEnumerable<StoredDocument> StreamAsync(
        string sql,
        IEnumerable<SqliteParameter> parameters,
        Func<SqliteDataReader, StoredDocument> read,
        string doing,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var connection = await TakeReaderAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var command = connection.Command(sql, parameters);
            await foreach (var document in ReadRowsAsync(connection, command, read, doing, cancellationToken).ConfigureAwait(false))
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
