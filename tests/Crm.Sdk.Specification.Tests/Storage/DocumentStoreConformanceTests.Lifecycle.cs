using Crm.Sdk.ProviderKit;
using Crm.Sdk.Storage;
using Xunit;

namespace Crm.Sdk.Specification.Tests.Storage;

/// <content>Schema creation and upgrade, reopening, and concurrency.</content>
public abstract partial class DocumentStoreConformanceTests<TFixture>
{
    /// <summary>Ensuring the same schema again changes nothing and keeps the data.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public virtual async Task EnsureSchema_is_idempotent()
    {
        var store = await NewStoreAsync();
        var thing = Thing.New() with { Code = "only" };
        await InsertAsync(store, thing);

        await store.EnsureSchemaAsync(ConformanceSchema.Initial, None);
        await store.EnsureSchemaAsync(ConformanceSchema.Initial, None);

        Assert.NotNull(await store.GetAsync(ConformanceSchema.Things, thing.Id, None));
        await Assert.ThrowsAsync<DuplicateKeyException>(() => InsertAsync(store, Thing.New() with { Code = "only" }));
    }

    /// <summary>An upgraded schema (a new index and a new collection) works on an existing database; old documents stay readable.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public virtual async Task EnsureSchema_upgrades_an_existing_database_additively()
    {
        var (store, name) = await NewNamedStoreAsync();
        var old = Thing.New() with { Name = "old", Rank = 1 };
        await InsertAsync(store, old);
        await ReleaseAsync(store);

        var upgraded = Track(await Fixture.ReopenStoreAsync(name));
        await upgraded.EnsureSchemaAsync(ConformanceSchema.Upgraded, None);
        var scored = Thing.New() with { Name = "new", Rank = 2 };
        await upgraded.CommitAsync([DocumentWrite.Insert(ConformanceSchema.Things, scored.Id, scored.Body, scored.Indexes(ConformanceSchema.UpgradedThings).Set("score", 5L))], None);
        var note = Guid.NewGuid();
        await upgraded.CommitAsync([DocumentWrite.Insert(ConformanceSchema.Notes, note, "{}", new IndexValues(ConformanceSchema.UpgradedNotes).Set("subject", "hello"))], None);

        Assert.Equal(old.Body, (await upgraded.GetAsync(ConformanceSchema.Things, old.Id, None))!.Body);
        Assert.Equal(IdsOf([old]), await MatchingIdsAsync(upgraded, IndexFilter.Equal("name", "old")));
        Assert.Equal(IdsOf([scored]), await MatchingIdsAsync(upgraded, IndexFilter.Equal("score", 5L)));
        Assert.Equal(IdsOf([scored]), await MatchingIdsAsync(upgraded, IndexFilter.And(IndexFilter.Equal("name", "new"), IndexFilter.Range("rank", 0L, 9L))));
        Assert.Equal(1, await upgraded.CountAsync(ConformanceSchema.Notes, IndexFilter.Equal("subject", "hello"), None));

        // The old schema again (an older application version) neither fails nor loses the upgrade.
        await upgraded.EnsureSchemaAsync(ConformanceSchema.Initial, None);
        Assert.Equal(2, await upgraded.CountAsync(ConformanceSchema.Things, null, None));
    }

    /// <summary>Two store instances may ensure the schema of one new database at the same time.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public virtual async Task Two_stores_may_ensure_the_schema_of_one_database_at_once()
    {
        var name = Fixture.NewDatabaseName("twice");
        var first = Track(await Fixture.CreateStoreAsync(name));
        var second = Track(await Fixture.ReopenStoreAsync(name));

        await Task.WhenAll(
            Task.Run(() => first.EnsureSchemaAsync(ConformanceSchema.Upgraded, None)),
            Task.Run(() => second.EnsureSchemaAsync(ConformanceSchema.Upgraded, None)));

        await InsertAsync(first, Thing.New());
        Assert.Equal(1, await second.CountAsync(ConformanceSchema.Things, null, None));
    }

    /// <summary>A store reopened on the same database after the first was released sees everything committed.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public virtual async Task A_reopened_store_sees_everything_committed()
    {
        var (store, name) = await NewNamedStoreAsync();
        var kept = Thing.New() with { Name = "kept", Tags = ["t"], Amount = 12.3456m };
        var updated = Thing.New() with { Name = "v1" };
        var deleted = Thing.New();
        await InsertAsync(store, kept, updated, deleted);
        await store.CommitAsync([(updated with { Name = "v2" }).Update(1), deleted.Delete(1)], None);
        await ReleaseAsync(store);

        var reopened = Track(await Fixture.ReopenStoreAsync(name));
        await reopened.EnsureSchemaAsync(ConformanceSchema.Initial, None);

        Assert.Equal(kept.Body, (await reopened.GetAsync(ConformanceSchema.Things, kept.Id, None))!.Body);
        Assert.Equal(2, (await reopened.GetAsync(ConformanceSchema.Things, updated.Id, None))!.Version);
        Assert.Null(await reopened.GetAsync(ConformanceSchema.Things, deleted.Id, None));
        Assert.Equal(IdsOf([kept]), await MatchingIdsAsync(reopened, IndexFilter.Equal("tags", "t")));
        Assert.Equal(IdsOf([kept]), await MatchingIdsAsync(reopened, IndexFilter.Equal("amount", 12.3456m)));
    }

    /// <summary>Eight concurrent writers inserting disjoint documents all land.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public virtual async Task Concurrent_writers_inserting_disjoint_documents_all_land()
    {
        var store = await NewStoreAsync();
        var batches = Enumerable.Range(0, 8)
            .Select(w => Enumerable.Range(0, 25).Select(i => Thing.New() with { Rank = w, Code = $"w{w}-{i}", Emails = [$"w{w}-{i}@example.com"] }).ToArray())
            .ToArray();

        await Task.WhenAll(batches.Select(batch => Task.Run(async () =>
        {
            foreach (var chunk in batch.Chunk(5))
            {
                await InsertAsync(store, chunk);
            }
        })));

        Assert.Equal(200, await store.CountAsync(ConformanceSchema.Things, null, None));
        Assert.Equal(IdsOf(batches.SelectMany(b => b)), await MatchingIdsAsync(store, null));
    }

    /// <summary>Of two concurrent updates of one document at the same version, exactly one wins; the other is a conflict.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public virtual async Task Of_two_concurrent_updates_at_the_same_version_exactly_one_wins()
    {
        var store = await NewStoreAsync();
        var thing = Thing.New() with { Name = "start" };
        await InsertAsync(store, thing);

        var attempts = await Task.WhenAll(new[] { "left", "right" }.Select(name => Task.Run(async () =>
        {
            try
            {
                await store.CommitAsync([(thing with { Name = name }).Update(1)], None);
                return (Name: name, Error: (ConcurrencyConflictException?)null);
            }
            catch (ConcurrencyConflictException ex)
            {
                return (Name: name, Error: ex);
            }
        })));

        var winner = Assert.Single(attempts, a => a.Error is null);
        var loser = Assert.Single(attempts, a => a.Error is not null);
        Assert.Equal(2, loser.Error!.ActualVersion);
        var stored = await store.GetAsync(ConformanceSchema.Things, thing.Id, None);
        Assert.Equal(2, stored!.Version);
        Assert.Contains(winner.Name, stored.Body, StringComparison.Ordinal);
    }
}
