using Crm.Sdk.Sqlite.Writes;
using Crm.Sdk.Storage;
using Microsoft.Data.Sqlite;

namespace Crm.Sdk.Sqlite;

/// <content>Writes: one <c>BEGIN IMMEDIATE</c> transaction per batch.</content>
public sealed partial class SqliteDocumentStore
{
    private const int CancellationCheckInterval = 256;

    /// <inheritdoc />
    public async Task CommitAsync(IReadOnlyList<DocumentWrite> writes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writes);
        if (writes.Count == 0)
        {
            return;
        }

        var model = await GetModelAsync(cancellationToken).ConfigureAwait(false);

        // Every write is checked and converted before the database is touched.
        var prepared = new PreparedWrite[writes.Count];
        for (var i = 0; i < writes.Count; i++)
        {
            prepared[i] = PreparedWrite.From(writes[i], model);
        }

        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var writer = await TakeWriterAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                // Rolled back by Dispose unless committed: a failure or a cancellation leaves no trace.
                using var transaction = writer.Connection.BeginTransaction(deferred: false);
                var batch = new WriteBatch(writer, transaction);
                for (var i = 0; i < prepared.Length; i++)
                {
                    if (i % CancellationCheckInterval == 0)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                    }

                    batch.Apply(prepared[i]);
                }

                cancellationToken.ThrowIfCancellationRequested();
                transaction.Commit();
            }
            catch (SqliteException ex)
            {
                writer.Break();
                throw StorageError($"committing {writes.Count} write(s)", ex);
            }
            finally
            {
                _connections.ReturnWriter(writer);
            }
        }
        finally
        {
            _writeGate.Release();
        }
    }
}
