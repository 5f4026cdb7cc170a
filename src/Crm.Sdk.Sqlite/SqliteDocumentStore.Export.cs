using System.Runtime.CompilerServices;
using System.Text.Json;
using Crm.Sdk.ProviderKit;
using Crm.Sdk.Sqlite.Schema;
using Crm.Sdk.Sqlite.Sql;
using Microsoft.Data.Sqlite;

namespace Crm.Sdk.Sqlite;

/// <content>Export: every document of a collection with its index values, for migrations.</content>
public sealed partial class SqliteDocumentStore
{
    /// <inheritdoc />
    public async IAsyncEnumerable<ExportedDocument> ExportAsync(string collection, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(collection);
        var model = (await GetModelAsync(cancellationToken).ConfigureAwait(false)).Get(collection);
        var doing = $"exporting '{collection}'";
        var connection = await TakeReaderAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // One read transaction: the whole export sees one snapshot of the file, whatever writers do meanwhile.
            using var transaction = connection.Connection.BeginTransaction(deferred: true);
            var command = connection.Command(model.ExportSql, transaction);
            await foreach (var document in ReadRowsAsync(connection, command, reader => ReadExported(reader, model), doing, cancellationToken).ConfigureAwait(false))
            {
                yield return document;
            }
        }
        finally
        {
            _connections.ReturnReader(connection);
        }
    }

    private static ExportedDocument ReadExported(SqliteDataReader reader, CollectionModel model)
    {
        var indexes = new IndexValues();
        var ordinal = 3;
        foreach (var column in model.Columns)
        {
            switch (IndexValueCodec.FromDb(column.Type, reader.GetValue(ordinal++)))
            {
                case string text:
                    indexes.Set(column.Name, text);
                    break;
                case long number:
                    indexes.Set(column.Name, number);
                    break;
                case decimal number:
                    indexes.Set(column.Name, number);
                    break;
                case Guid guid:
                    indexes.Set(column.Name, guid);
                    break;
                default:
                    indexes.Set(column.Name, (string?)null);
                    break;
            }
        }

        foreach (var index in model.MultiValued)
        {
            var json = reader.IsDBNull(ordinal) ? "[]" : reader.GetString(ordinal);
            ordinal++;
            var values = JsonSerializer.Deserialize<string[]>(json) ?? [];
            Array.Sort(values, StringComparer.Ordinal);
            indexes.SetMany(index.Name, values);
        }

        return new ExportedDocument(GuidBytes.FromBytes((byte[])reader.GetValue(0)), reader.GetInt64(1), reader.GetString(2), indexes);
    }
}
