using Crm.Sdk.ProviderKit;
using Crm.Sdk.Storage;
using Xunit;

namespace Crm.Sdk.Specification.Tests.Storage;

/// <content>Export with index values and import keeping versions: what migrations between providers rest on.</content>
public abstract partial class DocumentStoreConformanceTests<TFixture>
{
    /// <summary>Export streams every document ordered by id, with its version, its exact body and every index value, multi-valued and decimal ones included.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public virtual async Task Export_streams_every_document_with_its_version_body_and_all_index_values()
    {
        var store = await NewStoreAsync();
        var things = new List<Thing>
        {
            Thing.New() with
            {
                Name = "Zoë 日本 😀", Code = "C-1", Tags = ["vip", "b2b", "ünïcode"], Emails = ["a@example.com", "b@example.com"],
                Amount = 12345.6789m, Rank = long.MinValue, Owner = Guid.CreateVersion7(), OccurredAt = 638_000_000_000_000_000L,
            },
            Thing.New() with { Amount = -0.0001m, Rank = long.MaxValue, Tags = ["solo"] },
            Thing.New() with { Amount = 99999999999999.9999m, Code = "C-2" },
            Thing.New() with { Amount = -99999999999999.9999m, Name = string.Empty },
            Thing.New(),
        };
        await InsertAsync(store, things);
        var updated = things[1] with { Tags = ["solo", "second"], Amount = 1.5m };
        await store.CommitAsync([updated.Update(1)], None);
        things[1] = updated;

        var exported = await ExportAllAsync(store, ConformanceSchema.Things);

        Assert.Equal(things.Select(t => t.Id).Order().ToList(), exported.Select(d => d.Id).ToList());
        foreach (var document in exported)
        {
            var thing = things.Single(t => t.Id == document.Id);
            Assert.Equal(thing == updated ? 2 : 1, document.Version);
            Assert.Equal(thing.Body, document.Body);
            AssertIndexes(thing, document.Indexes);
        }
    }

    /// <summary>Export of an empty collection yields nothing.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public virtual async Task Export_of_an_empty_collection_yields_nothing()
    {
        var store = await NewStoreAsync();

        Assert.Empty(await ExportAllAsync(store, ConformanceSchema.Things));
    }

    /// <summary>
    /// Documents exported from one store and imported into another keep their versions, bodies and index values:
    /// queries on every index find them, unique values stay unique, and an update at the copied version succeeds.
    /// </summary>
    /// <returns>The test.</returns>
    [Fact]
    public virtual async Task Import_keeps_versions_and_index_values_and_later_updates_work()
    {
        var source = await NewStoreAsync();
        var target = await NewStoreAsync();
        var thing = Thing.New() with { Name = "copied", Code = "K-1", Tags = ["vip"], Emails = ["x@example.com"], Amount = 0.0001m, Rank = 7, Owner = Guid.NewGuid(), OccurredAt = 3 };
        var other = Thing.New() with { Tags = ["vip", "other"] };
        await InsertAsync(source, thing, other);
        var renamed = thing with { Name = "renamed" };
        await source.CommitAsync([renamed.Update(1)], None);
        var again = renamed with { Name = "renamed again" };
        await source.CommitAsync([again.Update(2)], None);

        var exported = await ExportAllAsync(source, ConformanceSchema.Things);
        await target.CommitAsync(exported.Select(d => d.ToImport(ConformanceSchema.Things)).ToArray(), None);

        var stored = await target.GetAsync(ConformanceSchema.Things, thing.Id, None);
        Assert.NotNull(stored);
        Assert.Equal(3, stored.Version);
        Assert.Equal(again.Body, stored.Body);
        Assert.Equal(1, (await target.GetAsync(ConformanceSchema.Things, other.Id, None))!.Version);
        Assert.Equal(IdsOf([thing, other]), await MatchingIdsAsync(target, IndexFilter.Equal("tags", "vip")));
        Assert.Equal(IdsOf([thing]), await MatchingIdsAsync(target, IndexFilter.Equal("emails", "x@example.com")));
        Assert.Equal(IdsOf([thing]), await MatchingIdsAsync(target, IndexFilter.Equal("amount", 0.0001m)));
        Assert.Equal(IdsOf([thing]), await MatchingIdsAsync(target, IndexFilter.Equal("code", "K-1")));
        Assert.Equal(IdsOf([thing]), await MatchingIdsAsync(target, IndexFilter.StartsWith("name", "renamed a")));
        var clash = await Assert.ThrowsAsync<DuplicateKeyException>(() => InsertAsync(target, Thing.New() with { Emails = ["x@example.com"] }));
        Assert.Equal("emails", clash.Key);

        var stale = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => target.CommitAsync([(again with { Name = "stale" }).Update(2)], None));
        Assert.Equal(3, stale.ActualVersion);
        var later = again with { Name = "later", Tags = [] };
        await target.CommitAsync([later.Update(3)], None);
        Assert.Equal(4, (await target.GetAsync(ConformanceSchema.Things, thing.Id, None))!.Version);
        Assert.Equal(IdsOf([other]), await MatchingIdsAsync(target, IndexFilter.Equal("tags", "vip")));
    }

    /// <summary>Importing an id that exists fails with <see cref="DuplicateKeyException"/> on key <c>id</c>, and the batch writes nothing.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public virtual async Task Importing_an_existing_id_throws_DuplicateKeyException_and_writes_nothing()
    {
        var store = await NewStoreAsync();
        var thing = Thing.New() with { Name = "first" };
        await InsertAsync(store, thing);
        var innocent = Thing.New() with { Name = "innocent" };

        var error = await Assert.ThrowsAsync<DuplicateKeyException>(() => store.CommitAsync(
            [
                DocumentWrite.Import(ConformanceSchema.Things, innocent.Id, 5, innocent.Body, innocent.Indexes()),
                DocumentWrite.Import(ConformanceSchema.Things, thing.Id, 9, (thing with { Name = "second" }).Body, thing.Indexes()),
            ],
            None));

        Assert.Equal("id", error.Key);
        Assert.Equal(thing.Id.ToString(), error.Value);
        Assert.Null(await store.GetAsync(ConformanceSchema.Things, innocent.Id, None));
        var stored = await store.GetAsync(ConformanceSchema.Things, thing.Id, None);
        Assert.Equal((1L, thing.Body), (stored!.Version, stored.Body));
    }

    /// <summary>Reads a whole export.</summary>
    /// <param name="store">The store.</param>
    /// <param name="collection">The collection.</param>
    /// <returns>The documents in the order the store streamed them.</returns>
    protected static async Task<List<ExportedDocument>> ExportAllAsync(IDocumentStore store, string collection)
    {
        ArgumentNullException.ThrowIfNull(store);
        var result = new List<ExportedDocument>();
        await foreach (var document in store.ExportAsync(collection, None))
        {
            result.Add(document);
        }

        return result;
    }

    private static void AssertIndexes(Thing thing, IndexValues indexes)
    {
        void Single(string name, object? expected)
        {
            Assert.Equal(expected, indexes[name]);
            if (expected is not null)
            {
                Assert.IsType(expected.GetType(), indexes[name]);
            }
        }

        Single("name", thing.Name);
        Single("code", thing.Code);
        Single("amount", thing.Amount);
        Single("rank", thing.Rank);
        Single("owner", thing.Owner);
        Single("occurred_at", thing.OccurredAt);
        Assert.Equal((thing.Tags ?? []).Order(StringComparer.Ordinal), indexes.GetMany("tags").Order(StringComparer.Ordinal));
        Assert.Equal((thing.Emails ?? []).Order(StringComparer.Ordinal), indexes.GetMany("emails").Order(StringComparer.Ordinal));
        Assert.Equal(
            ["amount", "code", "emails", "name", "occurred_at", "owner", "rank", "tags"],
            indexes.Select(i => i.Key).Order(StringComparer.Ordinal));
    }
}
