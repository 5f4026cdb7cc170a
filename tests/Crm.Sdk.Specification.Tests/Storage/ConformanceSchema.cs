using Crm.Sdk.ProviderKit;
using Crm.Sdk.Storage;

namespace Crm.Sdk.Specification.Tests.Storage;

/// <summary>The schema the conformance suite stores its test documents in: every index type and shape.</summary>
public static class ConformanceSchema
{
    /// <summary>The collection of test documents.</summary>
    public const string Things = "things";

    /// <summary>The collection added by <see cref="Upgraded"/>.</summary>
    public const string Notes = "notes";

    /// <summary>
    /// <c>things</c>: name (Text), code (Text, unique), tags (multi-valued Text), emails (multi-valued Text, unique),
    /// amount (Number), rank (WholeNumber), owner (Uuid), occurred_at (WholeNumber); composite (owner, occurred_at).
    /// </summary>
    public static StoreSchema Initial { get; } = new([ThingsV1()]);

    /// <summary><see cref="Initial"/> plus a <c>score</c> index and a (name, rank) composite on things, and a new <c>notes</c> collection.</summary>
    public static StoreSchema Upgraded { get; } = new([
        new CollectionDefinition(
            Things,
            [.. ThingsV1().Indexes, new IndexDefinition("score", IndexValueType.WholeNumber)],
            [["owner", "occurred_at"], ["name", "rank"]]),
        new CollectionDefinition(Notes, [new IndexDefinition("subject", IndexValueType.Text)]),
    ]);

    /// <summary>The <c>things</c> collection of <see cref="Initial"/>.</summary>
    public static CollectionDefinition InitialThings => Initial.GetCollection(Things);

    /// <summary>The <c>things</c> collection of <see cref="Upgraded"/> (with <c>score</c>).</summary>
    public static CollectionDefinition UpgradedThings => Upgraded.GetCollection(Things);

    /// <summary>The <c>notes</c> collection of <see cref="Upgraded"/>.</summary>
    public static CollectionDefinition UpgradedNotes => Upgraded.GetCollection(Notes);

    private static CollectionDefinition ThingsV1() => new(
        Things,
        [
            new IndexDefinition("name", IndexValueType.Text),
            new IndexDefinition("code", IndexValueType.Text, isUnique: true),
            new IndexDefinition("tags", IndexValueType.Text, isMultiValued: true),
            new IndexDefinition("emails", IndexValueType.Text, isMultiValued: true, isUnique: true),
            new IndexDefinition("amount", IndexValueType.Number),
            new IndexDefinition("rank", IndexValueType.WholeNumber),
            new IndexDefinition("owner", IndexValueType.Uuid),
            new IndexDefinition("occurred_at", IndexValueType.WholeNumber),
        ],
        [["owner", "occurred_at"]]);
}
