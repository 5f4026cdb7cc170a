namespace Crm.Sdk.ProviderKit;

/// <summary>
/// The storage contract every provider implements. The SDK hands the provider documents (id, version,
/// serialized aggregate) and the index values declared in the <see cref="StoreSchema"/>; the provider keeps
/// them durable and answers queries on the index values. A provider knows no domain rule.
/// </summary>
/// <remarks>
/// <para>Errors: a provider throws <see cref="ConcurrencyConflictException"/> when an expected version does not match,
/// <see cref="DuplicateKeyException"/> when an id or a unique index value already exists, and wraps every other
/// failure of the database in <see cref="CrmStorageException"/>. Argument errors (unknown collection or index) are
/// <see cref="ArgumentException"/>s: they are bugs of the caller, not of the data.</para>
/// <para>Implementations are thread-safe and registered as singletons.</para>
/// </remarks>
public interface IDocumentStore
{
    /// <summary>
    /// Creates the collections and index columns of <paramref name="schema"/>, or upgrades an existing database to it
    /// (adding what is missing), and records the schema version. Safe to call again and from several processes.
    /// </summary>
    /// <param name="schema">The schema the SDK needs.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the schema is in place.</returns>
    Task EnsureSchemaAsync(StoreSchema schema, CancellationToken cancellationToken);

    /// <summary>Reads one document by id.</summary>
    /// <param name="collection">The collection name.</param>
    /// <param name="id">The id.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The document, or <see langword="null"/> when absent.</returns>
    Task<StoredDocument?> GetAsync(string collection, Guid id, CancellationToken cancellationToken);

    /// <summary>Reads documents by id, in no particular order; absent ids are skipped.</summary>
    /// <param name="collection">The collection name.</param>
    /// <param name="ids">The ids.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The documents found, streamed.</returns>
    IAsyncEnumerable<StoredDocument> GetManyAsync(string collection, IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken);

    /// <summary>Streams the documents that match a query, in its order, each with its <see cref="StoredDocument.SortValue"/>.</summary>
    /// <param name="query">The query.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The documents, streamed without loading them all.</returns>
    IAsyncEnumerable<StoredDocument> QueryAsync(DocumentQuery query, CancellationToken cancellationToken);

    /// <summary>Counts the documents that match a filter.</summary>
    /// <param name="collection">The collection name.</param>
    /// <param name="filter">The condition, or <see langword="null"/> for all.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The count.</returns>
    Task<long> CountAsync(string collection, IndexFilter? filter, CancellationToken cancellationToken);

    /// <summary>Groups and aggregates index values in the database.</summary>
    /// <param name="query">The aggregate query.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>One row per group (one row in all when there is no grouping), in no particular order.</returns>
    Task<IReadOnlyList<AggregateRow>> AggregateAsync(AggregateQuery query, CancellationToken cancellationToken);

    /// <summary>
    /// Applies the writes in order inside one transaction: all of them are durable when the task completes,
    /// or none of them when it fails. Large batches (bulk appends) are expected and must be fast.
    /// </summary>
    /// <remarks>
    /// Each write sees the effect of the writes before it in the batch. A <see cref="DocumentWriteKind.Require"/> whose
    /// document is absent at its point of the batch throws <see cref="EntityNotFoundException"/> (entity type = the
    /// collection name, id = the document id) and rolls the batch back; the provider keeps a required document from
    /// being deleted by another transaction until the batch commits. A <see cref="DocumentWriteKind.DeleteWhere"/>
    /// removes whatever matches its filter at its point of the batch, side values included. Every write, filters
    /// included, is checked against the schema before the database is touched.
    /// </remarks>
    /// <param name="writes">The writes.</param>
    /// <param name="cancellationToken">Cancels the operation; a cancelled commit writes nothing.</param>
    /// <returns>A task that completes when the writes are durable.</returns>
    Task CommitAsync(IReadOnlyList<DocumentWrite> writes, CancellationToken cancellationToken);

    /// <summary>
    /// Streams every document of a collection, ordered by id, with its version, its body exactly as stored, and all its
    /// index values (multi-valued ones included), as a migration to another store needs them: nothing is decrypted or
    /// recomputed. The stream reads one consistent snapshot where the database offers one.
    /// </summary>
    /// <param name="collection">The collection name.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The documents, streamed without loading them all.</returns>
    IAsyncEnumerable<ExportedDocument> ExportAsync(string collection, CancellationToken cancellationToken);
}
