namespace Crm.Sdk.Storage;

/// <summary>One change to one document, part of a batch that <see cref="IDocumentStore.CommitAsync"/> applies atomically.</summary>
public sealed class DocumentWrite
{
    private readonly long _importedVersion;

    private DocumentWrite(DocumentWriteKind kind, string collection, Guid id, long expectedVersion, string? body, IndexValues? indexes, long importedVersion = 0)
    {
        ArgumentException.ThrowIfNullOrEmpty(collection);
        Kind = kind;
        Collection = collection;
        Id = id;
        ExpectedVersion = expectedVersion;
        Body = body;
        Indexes = indexes;
        _importedVersion = importedVersion;
    }

    /// <summary>What the write does.</summary>
    public DocumentWriteKind Kind { get; }

    /// <summary>The collection written to.</summary>
    public string Collection { get; }

    /// <summary>The document id.</summary>
    public Guid Id { get; }

    /// <summary>The version the document must have now (0 for an insert or an import: it must not exist).</summary>
    public long ExpectedVersion { get; }

    /// <summary>The version the document has after the write (0 after a delete, the copied version after an import).</summary>
    public long NewVersion => Kind switch
    {
        DocumentWriteKind.Delete => 0,
        DocumentWriteKind.Import => _importedVersion,
        _ => ExpectedVersion + 1,
    };

    /// <summary>Whether the write adds a document that must not exist yet (<see cref="DocumentWriteKind.Insert"/> or <see cref="DocumentWriteKind.Import"/>).</summary>
    public bool IsInsert => Kind is DocumentWriteKind.Insert or DocumentWriteKind.Import;

    /// <summary>The new body (inserts and updates).</summary>
    public string? Body { get; }

    /// <summary>The new index values (inserts and updates).</summary>
    public IndexValues? Indexes { get; }

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
}
