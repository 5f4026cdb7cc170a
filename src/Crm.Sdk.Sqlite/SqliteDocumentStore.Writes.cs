using Crm.Sdk.ProviderKit;
using Crm.Sdk.Relational;
using Crm.Sdk.Sqlite.Schema;
using Crm.Sdk.Sqlite.Writes;

namespace Crm.Sdk.Sqlite;

/// <content>Writes: one <c>BEGIN IMMEDIATE</c> transaction per batch.</content>
public sealed partial class SqliteDocumentStore
{
    private const int CancellationCheckInterval = 256;

    /// <summary>How many writes from <paramref name="start"/> on are <see cref="DocumentWriteKind.Require"/>s of one collection.</summary>
    private static int RequireRun(PreparedWrite<CollectionModel>[] prepared, int start)
    {
        var first = prepared[start];
        if (first.Write.Kind != DocumentWriteKind.Require)
        {
            return 0;
        }

        var end = start + 1;
        while (end < prepared.Length && prepared[end].Write.Kind == DocumentWriteKind.Require && ReferenceEquals(prepared[end].Collection, first.Collection))
        {
            end++;
        }

        return end - start;
    }

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
        var prepared = new PreparedWrite<CollectionModel>[writes.Count];
        for (var i = 0; i < writes.Count; i++)
        {
            prepared[i] = model.Prepare(writes[i]);
        }

        await WriteAsync(
            () => $"committing {writes.Count} write(s)",
            writer =>
            {
                // Rolled back by Dispose unless committed: a failure or a cancellation leaves no trace.
                using var transaction = writer.Connection.BeginTransaction(deferred: false);
                var batch = new WriteBatch(writer, transaction);
                var steps = 0;
                for (var i = 0; i < prepared.Length; steps++)
                {
                    if (steps % CancellationCheckInterval == 0)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                    }

                    var run = RequireRun(prepared, i);
                    if (run > 0)
                    {
                        batch.RequireAll(new ArraySegment<PreparedWrite<CollectionModel>>(prepared, i, run));
                        i += run;
                    }
                    else
                    {
                        batch.Apply(prepared[i++]);
                    }
                }

                cancellationToken.ThrowIfCancellationRequested();
                transaction.Commit();
                return true;
            },
            cancellationToken).ConfigureAwait(false);
    }
}
