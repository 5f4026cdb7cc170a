using Crm.Sdk.ProviderKit;
using Crm.Sdk.Storage.Json;

namespace Crm.Sdk.Duplicates;

/// <summary>
/// How a merge's journal is stored: collection <c>merge_journal</c>, one document per merge (id = merge id), holding the
/// stored documents of the survivor and the duplicate as they were before the merge, and of every interaction, deal and
/// ticket re-pointed, with the versions before and after. The copies are the stored bodies themselves: with field
/// encryption on, their personal fields are sealed under their customers' data keys exactly as in the records (nothing
/// in clear that the records do not hold in clear), and erasing either customer deletes the journal.
/// </summary>
internal static class MergeJournalMapping
{
    /// <summary>The collection name.</summary>
    public const string CollectionName = "merge_journal";

    /// <summary>Index <c>customer_ids</c> (Text, multi-valued: the ids in "D" form): the survivor and the duplicate.</summary>
    public const string CustomerIdsIndex = "customer_ids";

    /// <summary>Index <c>merged_at</c>: the time of the merge.</summary>
    public const string MergedAtIndex = "merged_at";

    private const int FormatVersion = 1;

    /// <summary>The collection with its indexes.</summary>
    public static CollectionDefinition Collection { get; } = new(
        CollectionName,
        [
            new IndexDefinition(CustomerIdsIndex, IndexValueType.Text, isMultiValued: true),
            new IndexDefinition(MergedAtIndex, IndexValueType.WholeNumber),
        ]);

    /// <summary>The write of a new journal.</summary>
    public static DocumentWrite Insert(MergeJournal journal) =>
        DocumentWrite.Insert(
            CollectionName,
            journal.MergeId,
            CrmJson.Serialize(journal with { FormatVersion = FormatVersion }),
            new IndexValues(Collection)
                .SetMany(CustomerIdsIndex, [IdText(journal.Survivor.Id), IdText(journal.Duplicate.Id)])
                .Set(MergedAtIndex, (long?)IndexConversions.ToIndex(journal.MergedAt)));

    /// <summary>The index text of a customer id.</summary>
    public static string IdText(Guid id) => id.ToString("D", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Reads a stored journal.</summary>
    public static MergeJournal Read(StoredDocument document)
    {
        var journal = CrmJson.Deserialize<MergeJournal>(document.Body, CollectionName);
        return journal.FormatVersion == FormatVersion
            ? journal
            : throw new CrmStorageException($"Merge journal '{document.Id}' is stored in format {journal.FormatVersion}; this version of Crm.Sdk reads format {FormatVersion}.", null);
    }
}
