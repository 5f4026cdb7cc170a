using System.Runtime.CompilerServices;
using Crm.Sdk.ProviderKit;

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
            await foreach (var document in ReadRowsAsync(connection, command, model.ReadExported, doing, cancellationToken).ConfigureAwait(false))
            {
                yield return document;
            }
        }
        finally
        {
            _connections.ReturnReader(connection);
        }
    }
}
