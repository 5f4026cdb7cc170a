using Crm.Sdk.Storage;

namespace Crm.Sdk.ProviderKit.Migration;

/// <summary>
/// Copies a whole CRM from one storage provider to another, for example from the SQLite file a host started with to the
/// PostgreSQL server it outgrew it for. Documents move exactly as stored: same ids, same versions, same bodies and the
/// same index values, so encrypted fields and their blind indexes are copied as ciphertext and hashes, never decrypted
/// (the root key is not needed to migrate, and the target reads them with the same root key as the source).
/// </summary>
/// <remarks>
/// Stop the application's writers first: documents written to the source while the copy runs may be missed. The copy is
/// streamed (memory stays flat whatever the size) and committed in batches, so a failed or cancelled migration leaves
/// the target partly filled: empty it (for example drop the PostgreSQL schema) and run the migration again.
/// </remarks>
public static class CrmStoreMigration
{
    private const string Failed = "The migration failed";

    /// <summary>The number of documents committed to the target in one transaction.</summary>
    public const int DefaultBatchSize = 1_000;

    /// <summary>
    /// Copies every collection of the CRM (customers, interactions, pipelines, deals, tickets, the outbox of domain events
    /// and the encryption data keys) from <paramref name="source"/> to <paramref name="target"/>. Both stores are first
    /// brought to the SDK's schema (which only adds what is missing, as opening the CRM does); the target must hold no
    /// document, so that nothing is overwritten or merged.
    /// </summary>
    /// <param name="source">The store to read, for example a <c>SqliteDocumentStore</c>.</param>
    /// <param name="target">The empty store to fill, for example a <c>PostgreSqlDocumentStore</c>.</param>
    /// <param name="progress">Told after every committed batch, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops the copy; the batch being committed when it fires is not written.</param>
    /// <returns>The number of documents copied per collection.</returns>
    /// <exception cref="ArgumentNullException">A store is null.</exception>
    /// <exception cref="ArgumentException">Source and target are the same store.</exception>
    /// <exception cref="DomainRuleException">The target already holds documents (rule <c>migration-target-not-empty</c>).</exception>
    /// <exception cref="CrmStorageException">A provider failed.</exception>
    public static Task<MigrationResult> CopyAsync(
        IDocumentStore source,
        IDocumentStore target,
        IProgress<MigrationProgress>? progress,
        CancellationToken cancellationToken) =>
        CopyAsync(source, target, DefaultBatchSize, progress, cancellationToken);

    /// <summary>Like <see cref="CopyAsync(IDocumentStore, IDocumentStore, IProgress{MigrationProgress}?, CancellationToken)"/>, with a batch size of your choosing.</summary>
    /// <param name="source">The store to read.</param>
    /// <param name="target">The empty store to fill.</param>
    /// <param name="batchSize">The number of documents per commit (1 to 100,000).</param>
    /// <param name="progress">Told after every committed batch, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops the copy; the batch being committed when it fires is not written.</param>
    /// <returns>The number of documents copied per collection.</returns>
    /// <exception cref="ArgumentNullException">A store is null.</exception>
    /// <exception cref="ArgumentException">Source and target are the same store.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="batchSize"/> is out of range.</exception>
    /// <exception cref="DomainRuleException">The target already holds documents (rule <c>migration-target-not-empty</c>).</exception>
    /// <exception cref="CrmStorageException">A provider failed.</exception>
    public static async Task<MigrationResult> CopyAsync(
        IDocumentStore source,
        IDocumentStore target,
        int batchSize,
        IProgress<MigrationProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(batchSize, 100_000);
        if (ReferenceEquals(source, target))
        {
            throw new ArgumentException("The source and the target of a migration must be different stores.", nameof(target));
        }

        var schema = CrmContext.Schema;
        await Guard(() => source.EnsureSchemaAsync(schema, cancellationToken), "preparing the source schema").ConfigureAwait(false);
        await Guard(() => target.EnsureSchemaAsync(schema, cancellationToken), "preparing the target schema").ConfigureAwait(false);
        foreach (var collection in schema.Collections)
        {
            var existing = await Guard(() => target.CountAsync(collection.Name, null, cancellationToken), $"counting '{collection.Name}' in the target").ConfigureAwait(false);
            if (existing > 0)
            {
                throw new DomainRuleException(
                    "migration-target-not-empty",
                    $"The migration target is not empty: its collection '{collection.Name}' holds {existing} document(s). Migrate into an empty database (or PostgreSQL schema) so that nothing is overwritten or merged.");
            }
        }

        var counts = new List<KeyValuePair<string, long>>(schema.Collections.Count);
        long total = 0;
        for (var c = 0; c < schema.Collections.Count; c++)
        {
            var name = schema.Collections[c].Name;
            var expected = await Guard(() => source.CountAsync(name, null, cancellationToken), $"counting '{name}' in the source").ConfigureAwait(false);
            long copied = 0;
            var batch = new List<DocumentWrite>(Math.Min(batchSize, 4_096));
            try
            {
                await foreach (var document in source.ExportAsync(name, cancellationToken).ConfigureAwait(false))
                {
                    batch.Add(document.ToImport(name));
                    if (batch.Count == batchSize)
                    {
                        await target.CommitAsync(batch, cancellationToken).ConfigureAwait(false);
                        copied += batch.Count;
                        total += batch.Count;
                        batch.Clear();
                        progress?.Report(new MigrationProgress(name, c + 1, schema.Collections.Count, copied, expected, total));
                    }
                }

                if (batch.Count > 0 || copied == 0)
                {
                    await target.CommitAsync(batch, cancellationToken).ConfigureAwait(false);
                    copied += batch.Count;
                    total += batch.Count;
                    progress?.Report(new MigrationProgress(name, c + 1, schema.Collections.Count, copied, expected, total));
                }
            }
            catch (Exception ex) when (IsUnexpected(ex))
            {
                throw Wrap(ex, $"copying '{name}'");
            }

            counts.Add(new KeyValuePair<string, long>(name, copied));
        }

        return new MigrationResult(counts);
    }

    private static Task<TResult> Guard<TResult>(Func<Task<TResult>> action, string what) => ProviderCalls.GuardAsync(action, Failed, what);

    private static Task Guard(Func<Task> action, string what) => ProviderCalls.GuardAsync(action, Failed, what);

    private static bool IsUnexpected(Exception ex) => ProviderCalls.IsUnexpected(ex);

    private static CrmStorageException Wrap(Exception ex, string what) => ProviderCalls.Wrap(ex, Failed, what);
}
