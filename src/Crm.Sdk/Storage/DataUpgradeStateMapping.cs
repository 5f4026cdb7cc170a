using Crm.Sdk.ProviderKit;
using Crm.Sdk.Storage.Json;
using NodaTime;

namespace Crm.Sdk.Storage;

/// <summary>
/// The core's own metadata: collection <c>data_upgrades</c>, one document per data upgrade (<see cref="IDataUpgrade"/>)
/// holding its checkpoint (the id of the last document it processed, committed in the same transaction as that batch),
/// its running totals and, once done, when it completed. Providers create it from the schema like any other collection.
/// </summary>
internal static class DataUpgradeStateMapping
{
    public const string CollectionName = "data_upgrades";

    /// <summary>1 once the upgrade completed, else 0.</summary>
    public const string CompletedIndex = "completed";

    public static CollectionDefinition Collection { get; } = new(CollectionName, [new IndexDefinition(CompletedIndex, IndexValueType.WholeNumber)]);

    /// <summary>The fixed document id of an upgrade (<see cref="FixedDocumentId.Of"/> of its name).</summary>
    public static Guid IdOf(string upgradeName) => FixedDocumentId.Of(upgradeName);

    public static DataUpgradeState Read(StoredDocument document) =>
        CrmJson.Deserialize<DataUpgradeState>(document.Body, CollectionName) with { Version = document.Version };

    /// <summary>The write that records <paramref name="state"/> (insert at first, then update at the version read).</summary>
    public static DocumentWrite Write(DataUpgradeState state)
    {
        var id = IdOf(state.Name);
        var body = CrmJson.Serialize(state with { Version = 0 });
        var indexes = new IndexValues(Collection).Set(CompletedIndex, state.CompletedAt is null ? 0L : 1L);
        return state.Version == 0
            ? DocumentWrite.Insert(CollectionName, id, body, indexes)
            : DocumentWrite.Update(CollectionName, id, state.Version, body, indexes);
    }
}

/// <summary>The stored progress of one data upgrade.</summary>
/// <param name="Name">The upgrade's name.</param>
/// <param name="LastId">The last document id processed and committed, or <see langword="null"/> before the first batch.</param>
/// <param name="Examined">Documents looked at so far.</param>
/// <param name="Changed">Documents rewritten so far.</param>
/// <param name="Kept">Values that could not be upgraded and were kept as stored.</param>
/// <param name="CompletedAt">When the upgrade finished, or <see langword="null"/>.</param>
internal sealed record DataUpgradeState(string Name, Guid? LastId, long Examined, long Changed, long Kept, Instant? CompletedAt)
{
    /// <summary>The state document's version (0 when not stored yet); not part of the body.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public long Version { get; init; }
}
