using System.Runtime.CompilerServices;
using Crm.Sdk.PostgreSql.Schema;
using Crm.Sdk.PostgreSql.Sql;
using Crm.Sdk.ProviderKit;
using Npgsql;

namespace Crm.Sdk.PostgreSql;

/// <content>Export: every document of a collection with its index values, for migrations.</content>
public sealed partial class PostgreSqlDocumentStore
{
    /// <inheritdoc />
    public async IAsyncEnumerable<ExportedDocument> ExportAsync(string collection, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(collection);
        var model = (await GetModelAsync(cancellationToken).ConfigureAwait(false)).Get(collection);
        var doing = $"exporting {collection}";

        // One statement: one snapshot, streamed row by row by Npgsql.
        var sql = "SELECT t.\"id\", t.\"version\", t.\"body\"::text"
            + string.Concat(model.SingleValued.Select(i => ", t." + SqlNames.Quote(i.Name)))
            + string.Concat(model.MultiValued.Select(i => $", ARRAY(SELECT s.\"value\" FROM {model.SideTable(i)} s WHERE s.\"id\" = t.\"id\" ORDER BY s.\"value\")"))
            + $" FROM {model.Table} t ORDER BY t.\"id\"";
        var connection = await OpenAsync(doing, cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var command = new NpgsqlCommand(sql, connection) { CommandTimeout = _commandTimeout };
            await using (command.ConfigureAwait(false))
            {
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
                        ExportedDocument document;
                        try
                        {
                            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                            {
                                break;
                            }

                            document = ReadExported(reader, model);
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

    private static ExportedDocument ReadExported(NpgsqlDataReader reader, CollectionModel model)
    {
        var indexes = new IndexValues();
        var ordinal = 3;
        foreach (var index in model.SingleValued)
        {
            switch (IndexValueCodec.FromDb(index.Type, reader.GetValue(ordinal++)))
            {
                case string text:
                    indexes.Set(index.Name, text);
                    break;
                case long number:
                    indexes.Set(index.Name, number);
                    break;
                case decimal number:
                    indexes.Set(index.Name, number);
                    break;
                case Guid guid:
                    indexes.Set(index.Name, guid);
                    break;
                default:
                    indexes.Set(index.Name, (string?)null);
                    break;
            }
        }

        foreach (var index in model.MultiValued)
        {
            indexes.SetMany(index.Name, reader.GetFieldValue<string[]>(ordinal++));
        }

        return new ExportedDocument(reader.GetGuid(0), reader.GetInt64(1), reader.GetString(2), indexes);
    }
}
