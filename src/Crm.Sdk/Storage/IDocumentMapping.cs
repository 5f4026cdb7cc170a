namespace Crm.Sdk.Storage;

/// <summary>
/// How one aggregate type becomes a document: its collection with the declared indexes, its body, and its
/// index values. One mapping per aggregate, next to the aggregate's folder, so that a provider never sees a domain type.
/// </summary>
/// <typeparam name="T">The aggregate type.</typeparam>
internal interface IDocumentMapping<T>
    where T : class
{
    /// <summary>The collection and its index declarations.</summary>
    CollectionDefinition Collection { get; }

    /// <summary>The display name of the entity type in errors, for example <c>Customer</c>.</summary>
    string EntityName { get; }

    /// <summary>The aggregate's id as a GUID.</summary>
    Guid GetId(T aggregate);

    /// <summary>The aggregate's version (0 when new).</summary>
    long GetVersion(T aggregate);

    /// <summary>Stores the version after a save.</summary>
    void SetVersion(T aggregate, long version);

    /// <summary>Serializes the aggregate to its document body.</summary>
    string Serialize(T aggregate);

    /// <summary>Restores the aggregate from a stored document (version included).</summary>
    T Deserialize(StoredDocument document);

    /// <summary>Extracts the index values declared by <see cref="Collection"/>.</summary>
    IndexValues GetIndexValues(T aggregate);
}
