using Crm.Sdk.ProviderKit;
using Crm.Sdk.Storage;
using Xunit;

namespace Crm.Sdk.Specification.Tests.Storage;

/// <content>Inserts, updates, deletes and the atomicity of a batch.</content>
public abstract partial class DocumentStoreConformanceTests<TFixture>
{
    /// <summary>An inserted document reads back with its body at version 1.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public virtual async Task Inserted_document_reads_back_with_its_body_at_version_1()
    {
        var store = await NewStoreAsync();
        var thing = Thing.New() with { Name = "Zoë 日本 😀", Emails = ["a@example.com"] };
        var body = "{\"text\":\"Zoë 日本 😀 \\\"quoted\\\" \\u0000 end\"}";

        await store.CommitAsync([DocumentWrite.Insert(ConformanceSchema.Things, thing.Id, body, thing.Indexes())], None);

        var stored = await store.GetAsync(ConformanceSchema.Things, thing.Id, None);
        Assert.NotNull(stored);
        Assert.Equal(thing.Id, stored.Id);
        Assert.Equal(1, stored.Version);
        Assert.Equal(body, stored.Body);
    }

    /// <summary>Reading an id that was never stored gives null.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public virtual async Task Reading_an_absent_id_gives_null()
    {
        var store = await NewStoreAsync();

        Assert.Null(await store.GetAsync(ConformanceSchema.Things, Guid.NewGuid(), None));
    }

    /// <summary>Every index value round-trips exactly, read back as the sort value of an ordered query.</summary>
    /// <param name="index">The index to order by.</param>
    /// <returns>The test.</returns>
    [Theory]
    [InlineData("name")]
    [InlineData("amount")]
    [InlineData("rank")]
    [InlineData("owner")]
    public virtual async Task Index_values_of_every_type_round_trip_exactly(string index)
    {
        var store = await NewStoreAsync();
        string[] names = ["", "a", "A", "Zoë", "日本語", "😀 emoji", "tab\there", "x'; DROP TABLE things; --", "%_*[]"];
        decimal[] amounts = [0m, 0.0001m, -0.0001m, 1.5m, 12345.6789m, 99999999999999.9999m, -99999999999999.9999m, 42m];
        long[] ranks = [long.MinValue, long.MinValue + 1, -1, 0, 1, long.MaxValue - 1, long.MaxValue];
        Guid[] owners = [Guid.Empty, Guid.Parse("ffffffff-ffff-ffff-ffff-ffffffffffff"), Guid.Parse("00000000-0000-0000-0000-000000000001"), Guid.Parse("80000000-0000-0000-0000-000000000000"), Guid.NewGuid(), Guid.CreateVersion7()];
        var things = names.Select(n => Thing.New() with { Name = n })
            .Concat(amounts.Select(a => Thing.New() with { Amount = a }))
            .Concat(ranks.Select(r => Thing.New() with { Rank = r }))
            .Concat(owners.Select(o => Thing.New() with { Owner = o }))
            .ToList();
        await InsertAsync(store, things);

        var sortValues = (await QueryAsync(store, new DocumentQuery(ConformanceSchema.Things) { OrderBy = index }))
            .ToDictionary(d => d.Id, d => d.SortValue);

        object? Expected(Thing t) => index switch
        {
            "name" => t.Name,
            "amount" => t.Amount,
            "rank" => t.Rank,
            _ => t.Owner,
        };
        var expected = things.Where(t => Expected(t) is not null).ToDictionary(t => t.Id, Expected);
        Assert.Equal(expected.Count, sortValues.Count);
        foreach (var (id, value) in expected)
        {
            Assert.Equal(value, sortValues[id]);
            Assert.IsType(value!.GetType(), sortValues[id]);
        }
    }

    /// <summary>Inserting an id that exists fails with <see cref="DuplicateKeyException"/> on key <c>id</c>.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public virtual async Task Inserting_an_existing_id_throws_DuplicateKeyException()
    {
        var store = await NewStoreAsync();
        var thing = Thing.New() with { Name = "first" };
        await InsertAsync(store, thing);

        var error = await Assert.ThrowsAsync<DuplicateKeyException>(() => InsertAsync(store, thing with { Name = "second" }));

        Assert.Equal(ConformanceSchema.Things, error.EntityType);
        Assert.Equal("id", error.Key);
        Assert.Equal(thing.Id.ToString(), error.Value);
        Assert.Contains("first", (await store.GetAsync(ConformanceSchema.Things, thing.Id, None))!.Body, StringComparison.Ordinal);
    }

    /// <summary>A unique index value used twice fails the whole batch: nothing of it is written.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public virtual async Task Unique_index_violation_throws_and_writes_nothing_of_the_batch()
    {
        var store = await NewStoreAsync();
        await InsertAsync(store, Thing.New() with { Code = "C-1" });
        var innocent = Thing.New() with { Code = "C-2" };
        var duplicate = Thing.New() with { Code = "C-1" };

        var error = await Assert.ThrowsAsync<DuplicateKeyException>(() => InsertAsync(store, innocent, duplicate));

        Assert.Equal("code", error.Key);
        Assert.Equal("C-1", error.Value);
        Assert.Null(await store.GetAsync(ConformanceSchema.Things, innocent.Id, None));
        Assert.Equal(1, await store.CountAsync(ConformanceSchema.Things, null, None));
    }

    /// <summary>Unique index values may repeat nulls: documents without the value do not collide.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public virtual async Task Unique_index_allows_many_documents_without_a_value()
    {
        var store = await NewStoreAsync();

        await InsertAsync(store, Thing.New(), Thing.New(), Thing.New());

        Assert.Equal(3, await store.CountAsync(ConformanceSchema.Things, null, None));
    }

    /// <summary>A value of a unique multi-valued index held by another document fails the batch, which writes nothing.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public virtual async Task Unique_multi_valued_index_violation_throws_and_writes_nothing_of_the_batch()
    {
        var store = await NewStoreAsync();
        var owner = Thing.New() with { Emails = ["a@example.com", "b@example.com"] };
        await InsertAsync(store, owner);
        var innocent = Thing.New() with { Emails = ["c@example.com"] };
        var duplicate = Thing.New() with { Emails = ["d@example.com", "b@example.com"] };

        var error = await Assert.ThrowsAsync<DuplicateKeyException>(() => InsertAsync(store, innocent, duplicate));

        Assert.Equal("emails", error.Key);
        Assert.Equal("b@example.com", error.Value);
        Assert.Null(await store.GetAsync(ConformanceSchema.Things, innocent.Id, None));
        Assert.Equal(IdsOf([owner]), await MatchingIdsAsync(store, IndexFilter.AnyOf("emails", ["b@example.com", "c@example.com", "d@example.com"])));
    }

    /// <summary>An update replaces body and index values (multi-valued ones too) and increments the version.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public virtual async Task Update_replaces_body_and_index_values_and_increments_the_version()
    {
        var store = await NewStoreAsync();
        var thing = Thing.New() with { Name = "before", Tags = ["old", "kept"], Emails = ["old@example.com"], Rank = 1 };
        await InsertAsync(store, thing);
        var changed = thing with { Name = "after", Tags = ["kept", "new"], Emails = ["new@example.com"], Rank = 2 };

        await store.CommitAsync([changed.Update(1)], None);
        await store.CommitAsync([changed.Update(2)], None);

        var stored = await store.GetAsync(ConformanceSchema.Things, thing.Id, None);
        Assert.Equal(3, stored!.Version);
        Assert.Equal(changed.Body, stored.Body);
        Assert.Empty(await MatchingIdsAsync(store, IndexFilter.Equal("name", "before")));
        Assert.Empty(await MatchingIdsAsync(store, IndexFilter.Equal("tags", "old")));
        Assert.Single(await MatchingIdsAsync(store, IndexFilter.Equal("tags", "new")));
        Assert.Single(await MatchingIdsAsync(store, IndexFilter.Equal("rank", 2L)));

        // The released unique value can be taken by another document.
        await InsertAsync(store, Thing.New() with { Emails = ["old@example.com"] });
    }

    /// <summary>An update at a stale version fails with the version the caller had and the one stored.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public virtual async Task Update_with_a_stale_version_throws_ConcurrencyConflictException_with_expected_and_actual()
    {
        var store = await NewStoreAsync();
        var thing = Thing.New() with { Name = "v1" };
        await InsertAsync(store, thing);
        await store.CommitAsync([(thing with { Name = "v2" }).Update(1)], None);

        var error = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.CommitAsync([(thing with { Name = "lost" }).Update(1)], None));

        Assert.Equal(ConformanceSchema.Things, error.EntityType);
        Assert.Equal(thing.Id.ToString(), error.Id);
        Assert.Equal(1, error.ExpectedVersion);
        Assert.Equal(2, error.ActualVersion);
        Assert.Contains("v2", (await store.GetAsync(ConformanceSchema.Things, thing.Id, None))!.Body, StringComparison.Ordinal);
    }

    /// <summary>A delete at a stale version fails and leaves the document.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public virtual async Task Delete_with_a_stale_version_throws_ConcurrencyConflictException()
    {
        var store = await NewStoreAsync();
        var thing = Thing.New();
        await InsertAsync(store, thing);
        await store.CommitAsync([thing.Update(1)], None);

        var error = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.CommitAsync([thing.Delete(1)], None));

        Assert.Equal(1, error.ExpectedVersion);
        Assert.Equal(2, error.ActualVersion);
        Assert.NotNull(await store.GetAsync(ConformanceSchema.Things, thing.Id, None));
    }

    /// <summary>A delete removes the document and its multi-valued index values.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public virtual async Task Delete_removes_the_document_and_its_index_values()
    {
        var store = await NewStoreAsync();
        var thing = Thing.New() with { Code = "K", Tags = ["t"], Emails = ["e@example.com"] };
        await InsertAsync(store, thing);

        await store.CommitAsync([thing.Delete(1)], None);

        Assert.Null(await store.GetAsync(ConformanceSchema.Things, thing.Id, None));
        Assert.Empty(await MatchingIdsAsync(store, IndexFilter.Equal("tags", "t")));
        await InsertAsync(store, Thing.New() with { Code = "K", Emails = ["e@example.com"] });
    }

    /// <summary>Updating or deleting a document that no longer exists is a conflict with no actual version.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public virtual async Task Update_or_delete_of_a_deleted_document_throws_conflict_with_no_actual_version()
    {
        var store = await NewStoreAsync();
        var thing = Thing.New();
        await InsertAsync(store, thing);
        await store.CommitAsync([thing.Delete(1)], None);

        var update = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.CommitAsync([thing.Update(1)], None));
        var delete = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.CommitAsync([thing.Delete(1)], None));

        Assert.Null(update.ActualVersion);
        Assert.Equal(1, update.ExpectedVersion);
        Assert.Null(delete.ActualVersion);
    }

    /// <summary>A batch whose write in the middle fails leaves no trace of the writes before or after it.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public virtual async Task A_batch_with_a_failing_write_in_the_middle_leaves_no_trace()
    {
        var store = await NewStoreAsync();
        var existing = Thing.New() with { Name = "unchanged" };
        var doomed = Thing.New() with { Name = "doomed" };
        await InsertAsync(store, existing, doomed);
        var added = Thing.New() with { Name = "added", Tags = ["x"] };

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.CommitAsync(
            [added.Insert(), (existing with { Name = "changed" }).Update(1), doomed.Delete(1), Thing.New().Update(7), Thing.New().Insert()],
            None));

        Assert.Null(await store.GetAsync(ConformanceSchema.Things, added.Id, None));
        Assert.Equal(1, (await store.GetAsync(ConformanceSchema.Things, existing.Id, None))!.Version);
        Assert.NotNull(await store.GetAsync(ConformanceSchema.Things, doomed.Id, None));
        Assert.Empty(await MatchingIdsAsync(store, IndexFilter.Equal("tags", "x")));
        Assert.Equal(2, await store.CountAsync(ConformanceSchema.Things, null, None));
    }

    /// <summary>A commit whose token is cancelled writes nothing.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public virtual async Task A_cancelled_commit_writes_nothing()
    {
        var store = await NewStoreAsync();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            store.CommitAsync(Enumerable.Range(0, 100).Select(_ => Thing.New().Insert()).ToArray(), cancelled.Token));

        Assert.Equal(0, await store.CountAsync(ConformanceSchema.Things, null, None));
    }

    /// <summary>A bulk append of 10,000 documents in one batch lands whole.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public virtual async Task A_bulk_append_of_ten_thousand_documents_lands_whole()
    {
        var store = await NewStoreAsync();
        var owner = Guid.NewGuid();

        await InsertAsync(store, Enumerable.Range(0, 10_000).Select(i => Thing.New() with { Owner = owner, OccurredAt = i, Tags = [i % 2 == 0 ? "even" : "odd"] }));

        Assert.Equal(10_000, await store.CountAsync(ConformanceSchema.Things, IndexFilter.Equal("owner", owner), None));
        Assert.Equal(5_000, await store.CountAsync(ConformanceSchema.Things, IndexFilter.Equal("tags", "odd"), None));
    }

    /// <summary>Writes to an undeclared collection or index are argument errors and write nothing.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public virtual async Task Writes_outside_the_schema_are_argument_errors()
    {
        var store = await NewStoreAsync();
        var good = Thing.New();

        var coloured = new CollectionDefinition(
            ConformanceSchema.Things, [.. ConformanceSchema.InitialThings.Indexes, new IndexDefinition("colour", IndexValueType.Text)]);

        await Assert.ThrowsAnyAsync<ArgumentException>(() => store.CommitAsync(
            [good.Insert(), DocumentWrite.Insert("nowhere", Guid.NewGuid(), "{}", new IndexValues(ConformanceSchema.InitialThings))], None));
        Assert.ThrowsAny<ArgumentException>(() => new IndexValues(ConformanceSchema.InitialThings).Set("colour", "red"));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => store.CommitAsync(
            [good.Insert(), DocumentWrite.Insert(ConformanceSchema.Things, Guid.NewGuid(), "{}", new IndexValues(coloured).Set("colour", "red"))], None));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => store.CommitAsync(
            [good.Insert(), DocumentWrite.Insert(ConformanceSchema.Things, Guid.NewGuid(), "{}", new IndexValues(ConformanceSchema.InitialThings).Set("rank", "not a number"))], None));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => store.CommitAsync(
            [good.Insert(), DocumentWrite.Insert(ConformanceSchema.Things, Guid.NewGuid(), "{}", new IndexValues(ConformanceSchema.InitialThings).Set("tags", "one"))], None));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => store.GetAsync("nowhere", Guid.NewGuid(), None));

        Assert.Null(await store.GetAsync(ConformanceSchema.Things, good.Id, None));
    }

    /// <summary>
    /// Index values reach the provider by position, in the order of the definition they were created for: values created
    /// for another instance of the collection's definition, with the indexes in another order and an extra index left
    /// unset, land in the right columns and side tables.
    /// </summary>
    /// <returns>The test.</returns>
    [Fact]
    public virtual async Task Index_values_follow_the_order_of_their_own_definition()
    {
        var store = await NewStoreAsync();
        var reordered = new CollectionDefinition(
            ConformanceSchema.Things,
            [.. ConformanceSchema.InitialThings.Indexes.Reverse(), new IndexDefinition("colour", IndexValueType.Text)]);
        var thing = Thing.New() with { Name = "n", Code = "c", Tags = ["t"], Emails = ["e@x"], Amount = 1.5m, Rank = 3, Owner = Guid.NewGuid(), OccurredAt = 9 };

        await store.CommitAsync([DocumentWrite.Insert(ConformanceSchema.Things, thing.Id, thing.Body, thing.Indexes(reordered))], None);

        IndexFilter[] filters =
        [
            IndexFilter.Equal("name", "n"), IndexFilter.Equal("code", "c"), IndexFilter.Equal("tags", "t"), IndexFilter.Equal("emails", "e@x"),
            IndexFilter.Equal("amount", 1.5m), IndexFilter.Equal("rank", 3L), IndexFilter.Equal("owner", thing.Owner!.Value), IndexFilter.Equal("occurred_at", 9L),
        ];
        foreach (var filter in filters)
        {
            Assert.Equal(1, await store.CountAsync(ConformanceSchema.Things, filter, None));
        }
    }
}
