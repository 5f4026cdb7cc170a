namespace Crm.Sdk.Storage;

/// <summary>
/// A data migration the core runs once over one collection after the schema is in place (an upgrade of stored values,
/// not of the schema): <see cref="DataUpgradeRunner"/> streams the collection by id in batches and commits each batch's
/// rewritten documents with the upgrade's checkpoint, so a stopped run resumes where it stopped.
/// </summary>
internal interface IDataUpgrade
{
    /// <summary>The upgrade's stable name, for example <c>phones-libphonenumber</c>; it names its checkpoint.</summary>
    string Name { get; }

    /// <summary>The collection it rewrites.</summary>
    string Collection { get; }

    /// <summary>
    /// Adds to <paramref name="session"/> an update (at the version read) of every document of the batch that needs one.
    /// Must be idempotent: a document upgraded already needs no update.
    /// </summary>
    /// <returns>How many documents are rewritten, and how many values had to be kept as stored.</returns>
    Task<(int Changed, int Kept)> UpgradeAsync(CrmStore store, DocumentSession session, IReadOnlyList<ProviderKit.StoredDocument> documents, CancellationToken cancellationToken);
}
