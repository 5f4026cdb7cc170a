using Crm.Sdk.ProviderKit;
using Crm.Sdk.Storage;
using Xunit;

namespace Crm.Sdk.Specification.Tests.Storage;

/// <content>Index values declared without a B-tree of their own (<see cref="IndexDefinition.HasOwnIndex"/> false).</content>
public abstract partial class DocumentStoreConformanceTests<TFixture>
{
    private const string Readings = "readings";

    /// <summary>The definition the readings' index values are created for: another instance than the store's, as a client's would be.</summary>
    private static readonly CollectionDefinition ReadingValues = ReadingsSchema(ownIndexes: true).Collections[0];

    /// <summary>
    /// Values without a B-tree of their own filter, order, page and aggregate exactly like the others, alone or through
    /// the composite that covers them.
    /// </summary>
    /// <returns>The test.</returns>
    [Fact]
    public virtual async Task Index_without_its_own_btree_still_filters_orders_and_aggregates()
    {
        var store = await NewStoreAsync(ReadingsSchema(ownIndexes: false));
        var owners = new[] { Guid.NewGuid(), Guid.NewGuid() };
        var readings = Enumerable.Range(0, 40)
            .Select(i => new Reading(Guid.NewGuid(), owners[i % 2], 1_000 + i, i % 3 == 0 ? "temp" : "pressure", i * 0.25m))
            .ToArray();
        await store.CommitAsync(readings.Select(r => r.Insert()).ToArray(), None);

        await AssertReadingQueriesAsync(store, owners, readings);
    }

    /// <summary>Declaring an existing index without its own B-tree is an upgrade that keeps every document findable.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public virtual async Task Dropping_an_index_own_btree_keeps_documents_findable()
    {
        var (store, name) = await NewNamedStoreAsync(ReadingsSchema(ownIndexes: true));
        var owners = new[] { Guid.NewGuid(), Guid.NewGuid() };
        var readings = Enumerable.Range(0, 20)
            .Select(i => new Reading(Guid.NewGuid(), owners[i % 2], 5_000 - i, i % 3 == 0 ? "temp" : "pressure", i - 7.5m))
            .ToArray();
        await store.CommitAsync(readings.Select(r => r.Insert()).ToArray(), None);
        await ReleaseAsync(store);

        var upgraded = Track(await Fixture.ReopenStoreAsync(name));
        await upgraded.EnsureSchemaAsync(ReadingsSchema(ownIndexes: false), None);

        await AssertReadingQueriesAsync(upgraded, owners, readings);
    }

    private static StoreSchema ReadingsSchema(bool ownIndexes) => new([
        new CollectionDefinition(
            Readings,
            [
                new IndexDefinition("owner", IndexValueType.Uuid) { HasOwnIndex = ownIndexes },
                new IndexDefinition("taken_at", IndexValueType.WholeNumber) { HasOwnIndex = ownIndexes },
                new IndexDefinition("kind", IndexValueType.Text) { HasOwnIndex = ownIndexes },
                new IndexDefinition("value", IndexValueType.Number) { HasOwnIndex = ownIndexes },
            ],
            [["owner", "taken_at"]]),
    ]);

    private static async Task AssertReadingQueriesAsync(IDocumentStore store, Guid[] owners, Reading[] readings)
    {
        async Task<List<Guid>> Ids(IndexFilter filter) =>
            (await QueryAsync(store, new DocumentQuery(Readings) { Filter = filter })).Select(d => d.Id).Order().ToList();
        List<Guid> Expected(Func<Reading, bool> predicate) => readings.Where(predicate).Select(r => r.Id).Order().ToList();

        Assert.Equal(Expected(r => r.Kind == "temp"), await Ids(IndexFilter.Equal("kind", "temp")));
        Assert.Equal(Expected(r => r.Kind == "pressure"), await Ids(IndexFilter.StartsWith("kind", "pres")));
        Assert.Equal(Expected(r => r.Value >= 1m && r.Value < 4m), await Ids(IndexFilter.Range("value", 1m, 4m)));
        Assert.Equal(Expected(r => r.Owner == owners[1]), await Ids(IndexFilter.AnyOf("owner", [owners[1]])));
        Assert.Equal(
            Expected(r => r.Owner == owners[0] && r.Kind == "temp"),
            await Ids(IndexFilter.And(IndexFilter.Equal("owner", owners[0]), IndexFilter.Equal("kind", "temp"))));
        Assert.Equal(readings.Count(r => r.Value < 0m), await store.CountAsync(Readings, IndexFilter.Range("value", null, 0m), None));

        // An owner's newest first, paged by cursor on a value that has no B-tree of its own.
        var expected = readings.Where(r => r.Owner == owners[0]).OrderByDescending(r => r.TakenAt).Select(r => r.Id).ToList();
        var paged = new List<Guid>();
        KeysetPosition? after = null;
        while (true)
        {
            var page = await QueryAsync(store, new DocumentQuery(Readings)
            {
                Filter = IndexFilter.Equal("owner", owners[0]),
                OrderBy = "taken_at",
                Descending = true,
                After = after,
                Limit = 3,
            });
            if (page.Count == 0)
            {
                break;
            }

            paged.AddRange(page.Select(d => d.Id));
            after = new KeysetPosition(page[^1].SortValue!, page[^1].Id);
        }

        Assert.Equal(expected, paged);

        var rows = await store.AggregateAsync(
            new AggregateQuery(Readings, IndexFilter.Equal("owner", owners[1]), ["kind"],
                [new AggregateFunction(AggregateKind.Count), new AggregateFunction(AggregateKind.Sum, "value"), new AggregateFunction(AggregateKind.Max, "taken_at")]),
            None);
        var byKind = rows.ToDictionary(r => (string)r.Keys[0]!);
        foreach (var group in readings.Where(r => r.Owner == owners[1]).GroupBy(r => r.Kind))
        {
            Assert.Equal(
                new object?[] { (long)group.Count(), group.Sum(r => r.Value), group.Max(r => r.TakenAt) },
                byKind[group.Key].Values);
        }

        Assert.Equal(readings.Where(r => r.Owner == owners[1]).Select(r => r.Kind).Distinct().Count(), byKind.Count);
    }

    private sealed record Reading(Guid Id, Guid Owner, long TakenAt, string Kind, decimal Value)
    {
        public DocumentWrite Insert() => DocumentWrite.Insert(
            Readings,
            Id,
            "{}",
            new IndexValues(ReadingValues).Set("owner", Owner).Set("taken_at", TakenAt).Set("kind", Kind).Set("value", Value));
    }
}
