namespace Crm.Sdk.ProviderKit;

/// <summary>
/// A document as <see cref="IDocumentStore.ExportAsync"/> streams it: everything needed to re-create it, unchanged, in
/// another store with <see cref="DocumentWrite.Import"/>.
/// </summary>
/// <param name="Id">The record id.</param>
/// <param name="Version">The version it has in the source store.</param>
/// <param name="Body">The serialized aggregate, exactly as stored (encrypted fields stay ciphertext).</param>
/// <param name="Indexes">
/// Every index value the collection declares: <see langword="null"/> where not set, and for multi-valued indexes the set
/// of values (empty when none), read through <see cref="IndexValues.GetMany"/>.
/// </param>
public sealed record ExportedDocument(Guid Id, long Version, string Body, IndexValues Indexes)
{
    /// <summary>The write that re-creates this document, with its version and index values, in another store.</summary>
    /// <param name="collection">The collection it belongs to.</param>
    /// <returns>The write.</returns>
    public DocumentWrite ToImport(string collection) => DocumentWrite.Import(collection, Id, Version, Body, Indexes);
}
