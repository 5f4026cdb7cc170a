namespace Crm.Sdk.ProviderKit;

/// <summary>One change to one document, part of a batch that <see cref="IDocumentStore.CommitAsync"/> applies atomically.</summary>
public sealed class DocumentWrite
{
    private readonly long _importedVersion;

    private DocumentWrite(DocumentWriteKind kind, string collection, Guid id, long expectedVersion, string? body, IndexValues? indexes, long importedVersion = 0, IndexFilter? filter = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(collection);
        Kind = kind;
        Collection = collection;
        Id = id;
        ExpectedVersion = expectedVersion;
        Body = body;
        Indexes = indexes;
        _importedVersion = importedVersion;
        Filter = filter;
    }

    /// <summary>What the write does.</summary>
    public DocumentWriteKind Kind { get; }

    /// <summary>The collection written to.</summary>
    public string Collection { get; }

    /// <summary>The document id (<see cref="Guid.Empty"/> for <see cref="DocumentWriteKind.DeleteWhere"/>).</summary>
    public Guid Id { get; }

    /// <summary>The version the document must have now (0 for an insert or an import: it must not exist).</summary>
    public long ExpectedVersion { get; }

    /// <summary>
    /// The version the document has after the write (0 after a delete, the copied version after an import; 0 for
    /// <see cref="DocumentWriteKind.Require"/> and <see cref="DocumentWriteKind.DeleteWhere"/>, which set no version).
    /// </summary>
    public long NewVersion => Kind switch
    {
        DocumentWriteKind.Delete or DocumentWriteKind.Require or DocumentWriteKind.DeleteWhere => 0,
        DocumentWriteKind.Import => _importedVersion,
        _ => ExpectedVersion + 1,
    };

    /// <summary>Whether the write adds a document that must not exist yet (<see cref="DocumentWriteKind.Insert"/> or <see cref="DocumentWriteKind.Import"/>).</summary>
    public bool IsInsert => Kind is DocumentWriteKind.Insert or DocumentWriteKind.Import;

    /// <summary>The new body (inserts and updates).</summary>
    public string? Body { get; }

    /// <summary>The new index values (inserts and updates).</summary>
    public IndexValues? Indexes { get; }

    /// <summary>The documents a <see cref="DocumentWriteKind.DeleteWhere"/> removes; <see langword="null"/> for the other kinds.</summary>
    public IndexFilter? Filter { get; }

    /// <summary>Adds a document at version 1.</summary>
    /// <param name="collection">The collection.</param>
    /// <param name="id">The new id.</param>
    /// <param name="body">The serialized document.</param>
    /// <param name="indexes">Its index values.</param>
    /// <returns>The write.</returns>
    public static DocumentWrite Insert(string collection, Guid id, string body, IndexValues indexes)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(indexes);
        return new DocumentWrite(DocumentWriteKind.Insert, collection, id, 0, body, indexes);
    }

    /// <summary>Replaces a document at an expected version.</summary>
    /// <param name="collection">The collection.</param>
    /// <param name="id">The id.</param>
    /// <param name="expectedVersion">The version the caller read.</param>
    /// <param name="body">The serialized document.</param>
    /// <param name="indexes">Its index values.</param>
    /// <returns>The write.</returns>
    public static DocumentWrite Update(string collection, Guid id, long expectedVersion, string body, IndexValues indexes)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(indexes);
        ArgumentOutOfRangeException.ThrowIfLessThan(expectedVersion, 1);
        return new DocumentWrite(DocumentWriteKind.Update, collection, id, expectedVersion, body, indexes);
    }

    /// <summary>Removes a document at an expected version.</summary>
    /// <param name="collection">The collection.</param>
    /// <param name="id">The id.</param>
    /// <param name="expectedVersion">The version the caller read.</param>
    /// <returns>The write.</returns>
    public static DocumentWrite Delete(string collection, Guid id, long expectedVersion)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(expectedVersion, 1);
        return new DocumentWrite(DocumentWriteKind.Delete, collection, id, expectedVersion, null, null);
    }

    /// <summary>
    /// Adds a document copied from another store (see <see cref="IDocumentStore.ExportAsync"/>) at the version it had
    /// there, so that callers holding that version can go on updating it. Used by migrations between providers.
    /// </summary>
    /// <param name="collection">The collection.</param>
    /// <param name="id">The id, which must not exist in the collection.</param>
    /// <param name="version">The version to keep (1 or more).</param>
    /// <param name="body">The serialized document, stored as it is.</param>
    /// <param name="indexes">Its index values, stored as they are.</param>
    /// <returns>The write.</returns>
    public static DocumentWrite Import(string collection, Guid id, long version, string body, IndexValues indexes)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(indexes);
        ArgumentOutOfRangeException.ThrowIfLessThan(version, 1);
        return new DocumentWrite(DocumentWriteKind.Import, collection, id, 0, body, indexes, version);
    }

    /// <summary>
    /// Requires a document to exist at this point of the batch, writing nothing: if it is absent (never stored, deleted
    /// by another transaction, or deleted by an earlier write of the same batch), the provider throws
    /// <see cref="EntityNotFoundException"/>(<paramref name="collection"/>, <paramref name="id"/>) and the batch writes
    /// nothing. Until the batch commits, no other transaction can delete the document. This is how a reference to a
    /// document of another collection is checked atomically with the write that holds it.
    /// </summary>
    /// <param name="collection">The collection.</param>
    /// <param name="id">The id that must exist.</param>
    /// <returns>The write.</returns>
    public static DocumentWrite Require(string collection, Guid id) =>
        new(DocumentWriteKind.Require, collection, id, 0, null, null);

    /// <summary>
    /// Removes every document of a collection that matches a filter at this point of the batch, with all its index values
    /// (multi-valued ones included), whatever its version. Used for cascades: the documents that refer to one being deleted.
    /// </summary>
    /// <param name="collection">The collection.</param>
    /// <param name="filter">The condition the removed documents meet; use <see cref="IndexFilter.And"/> to combine several.</param>
    /// <returns>The write.</returns>
    public static DocumentWrite DeleteWhere(string collection, IndexFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return new DocumentWrite(DocumentWriteKind.DeleteWhere, collection, Guid.Empty, 0, null, null, filter: filter);
    }
}
