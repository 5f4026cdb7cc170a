using Crm.Sdk.ProviderKit;
using Crm.Sdk.Storage;
using Xunit;

namespace Crm.Sdk.Specification.Tests.Storage;

/// <content>Requirements (<see cref="DocumentWrite.Require"/>) and cascading deletes (<see cref="DocumentWrite.DeleteWhere"/>) inside a batch.</content>
public abstract partial class DocumentStoreConformanceTests<TFixture>
{
    /// <summary>Requiring a stored document lets the batch commit and leaves that document as it was.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public virtual async Task Require_of_an_existing_document_passes_and_changes_nothing_of_it()
    {
        var store = await NewStoreAsync();
        var referenced = Thing.New() with { Name = "referenced" };
        await InsertAsync(store, referenced);
        var referring = Thing.New() with { Owner = referenced.Id };

        await store.CommitAsync([DocumentWrite.Require(ConformanceSchema.Things, referenced.Id), referring.Insert()], None);

        Assert.NotNull(await store.GetAsync(ConformanceSchema.Things, referring.Id, None));
        var stored = await store.GetAsync(ConformanceSchema.Things, referenced.Id, None);
        Assert.Equal(1, stored!.Version);
        Assert.Equal(referenced.Body, stored.Body);
    }

    /// <summary>Requiring an absent document throws EntityNotFoundException naming it, and no write of the batch lands.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public virtual async Task Require_of_a_missing_document_throws_EntityNotFoundException_and_writes_nothing_of_the_batch()
    {
        var store = await NewStoreAsync();
        var existing = Thing.New() with { Name = "unchanged" };
        await InsertAsync(store, existing);
        var missing = Guid.NewGuid();
        var before = Thing.New() with { Tags = ["before"] };
        var after = Thing.New() with { Tags = ["after"] };

        var error = await Assert.ThrowsAsync<EntityNotFoundException>(() => store.CommitAsync(
            [before.Insert(), (existing with { Name = "changed" }).Update(1), DocumentWrite.Require(ConformanceSchema.Things, missing), after.Insert()],
            None));

        Assert.Equal(ConformanceSchema.Things, error.EntityType);
        Assert.Equal(missing.ToString(), error.Id);
        Assert.Equal(1, await store.CountAsync(ConformanceSchema.Things, null, None));
        Assert.Equal(1, (await store.GetAsync(ConformanceSchema.Things, existing.Id, None))!.Version);
        Assert.Empty(await MatchingIdsAsync(store, IndexFilter.AnyOf("tags", ["before", "after"])));
    }

    /// <summary>
    /// Many requirements in a row (as a batch of interactions for many customers makes): all present passes; one
    /// missing among them (in any position, past any internal chunking) fails naming the first missing one, and no write lands.
    /// </summary>
    /// <param name="count">How many documents are required.</param>
    /// <param name="missingAt">The positions of the ids that do not exist (empty: all exist).</param>
    /// <returns>The test.</returns>
    [Theory]
    [InlineData(150, new int[0])]
    [InlineData(150, new[] { 0 })]
    [InlineData(150, new[] { 149 })]
    [InlineData(150, new[] { 97, 64 })]
    [InlineData(2, new[] { 1 })]
    public virtual async Task A_run_of_requirements_passes_only_when_every_required_document_exists(int count, int[] missingAt)
    {
        var store = await NewStoreAsync();
        var things = Enumerable.Range(0, count).Select(i => Thing.New() with { Name = "r" + i }).ToList();
        await store.CommitAsync([.. things.Where((_, i) => !missingAt.Contains(i)).Select(t => t.Insert())], None);
        var added = Thing.New() with { Tags = ["added"] };
        var writes = things.Select(t => DocumentWrite.Require(ConformanceSchema.Things, t.Id)).Append(added.Insert()).ToList();

        if (missingAt.Length == 0)
        {
            await store.CommitAsync(writes, None);
            Assert.NotNull(await store.GetAsync(ConformanceSchema.Things, added.Id, None));
            return;
        }

        var error = await Assert.ThrowsAsync<EntityNotFoundException>(() => store.CommitAsync(writes, None));
        Assert.Equal(things[missingAt.Min()].Id.ToString(), error.Id);
        Assert.Null(await store.GetAsync(ConformanceSchema.Things, added.Id, None));
        Assert.Equal(count - missingAt.Length, await store.CountAsync(ConformanceSchema.Things, null, None));
    }

    /// <summary>A requirement sees the writes before it: a document deleted earlier in the batch is missing.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public virtual async Task Require_after_a_delete_of_the_same_document_in_the_batch_fails()
    {
        var store = await NewStoreAsync();
        var thing = Thing.New() with { Tags = ["kept"] };
        await InsertAsync(store, thing);

        var error = await Assert.ThrowsAsync<EntityNotFoundException>(() => store.CommitAsync(
            [thing.Delete(1), DocumentWrite.Require(ConformanceSchema.Things, thing.Id)],
            None));

        Assert.Equal(thing.Id.ToString(), error.Id);
        Assert.Equal(1, (await store.GetAsync(ConformanceSchema.Things, thing.Id, None))!.Version);
        Assert.Equal(IdsOf([thing]), await MatchingIdsAsync(store, IndexFilter.Equal("tags", "kept")));
    }

    /// <summary>A requirement sees the writes before it: a document inserted earlier in the batch exists.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public virtual async Task Require_after_an_insert_of_the_same_document_in_the_batch_passes()
    {
        var store = await NewStoreAsync();
        var thing = Thing.New();

        await store.CommitAsync([thing.Insert(), DocumentWrite.Require(ConformanceSchema.Things, thing.Id)], None);

        Assert.NotNull(await store.GetAsync(ConformanceSchema.Things, thing.Id, None));
    }

    /// <summary>A filtered delete removes exactly the matching documents with all their index values; the others stay.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public virtual async Task DeleteWhere_removes_exactly_the_matching_documents_and_their_multi_valued_values()
    {
        var store = await NewStoreAsync();
        var owner = Guid.NewGuid();
        var other = Guid.NewGuid();
        var doomed = new[]
        {
            Thing.New() with { Owner = owner, Code = "D1", Tags = ["shared", "gone"], Emails = ["a@example.com"] },
            Thing.New() with { Owner = owner, Tags = ["gone"], Emails = ["b@example.com", "c@example.com"] },
        };
        var kept = new[]
        {
            Thing.New() with { Owner = other, Code = "K1", Tags = ["shared", "kept"], Emails = ["k@example.com"] },
            Thing.New() with { Tags = ["kept"] },
        };
        await InsertAsync(store, [.. doomed, .. kept]);

        await store.CommitAsync([DocumentWrite.DeleteWhere(ConformanceSchema.Things, IndexFilter.Equal("owner", owner))], None);

        Assert.Equal(IdsOf(kept), await MatchingIdsAsync(store, null));
        Assert.Empty(await MatchingIdsAsync(store, IndexFilter.Equal("tags", "gone")));
        Assert.Equal(IdsOf(kept.Take(1)), await MatchingIdsAsync(store, IndexFilter.Equal("tags", "shared")));
        Assert.Empty(await MatchingIdsAsync(store, IndexFilter.AnyOf("emails", ["a@example.com", "b@example.com", "c@example.com"])));
        Assert.Equal(IdsOf(kept), await MatchingIdsAsync(store, IndexFilter.Equal("tags", "kept")));

        // The unique values of the deleted documents are free again.
        await InsertAsync(store, Thing.New() with { Code = "D1", Emails = ["a@example.com", "c@example.com"] });
    }

    /// <summary>A filtered delete on a multi-valued index removes the documents that hold the value, with their other values.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public virtual async Task DeleteWhere_on_a_multi_valued_index_removes_the_documents_and_all_their_values()
    {
        var store = await NewStoreAsync();
        var doomed = Thing.New() with { Tags = ["red", "round"], Emails = ["r@example.com"] };
        var kept = Thing.New() with { Tags = ["blue", "round"] };
        await InsertAsync(store, doomed, kept);

        await store.CommitAsync([DocumentWrite.DeleteWhere(ConformanceSchema.Things, IndexFilter.Equal("tags", "red"))], None);

        Assert.Null(await store.GetAsync(ConformanceSchema.Things, doomed.Id, None));
        Assert.Equal(IdsOf([kept]), await MatchingIdsAsync(store, IndexFilter.Equal("tags", "round")));
        Assert.Empty(await MatchingIdsAsync(store, IndexFilter.Equal("emails", "r@example.com")));
        Assert.Empty(await MatchingIdsAsync(store, IndexFilter.Equal("tags", "red")));
    }

    /// <summary>A filtered delete that matches nothing is no error, and sees the writes before it in the batch.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public virtual async Task DeleteWhere_sees_earlier_writes_of_the_batch_and_matching_nothing_is_no_error()
    {
        var store = await NewStoreAsync();
        var owner = Guid.NewGuid();
        var insertedThenDeleted = Thing.New() with { Owner = owner, Tags = ["t"] };
        var insertedAfter = Thing.New() with { Owner = owner };

        await store.CommitAsync(
            [
                DocumentWrite.DeleteWhere(ConformanceSchema.Things, IndexFilter.Equal("rank", 42L)),
                insertedThenDeleted.Insert(),
                DocumentWrite.DeleteWhere(ConformanceSchema.Things, IndexFilter.Equal("owner", owner)),
                insertedAfter.Insert(),
            ],
            None);

        Assert.Equal(IdsOf([insertedAfter]), await MatchingIdsAsync(store, null));
        Assert.Empty(await MatchingIdsAsync(store, IndexFilter.Equal("tags", "t")));
    }

    /// <summary>A filtered delete and an insert in a batch that fails later both leave no trace.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public virtual async Task DeleteWhere_and_insert_in_a_failing_batch_leave_no_trace()
    {
        var store = await NewStoreAsync();
        var owner = Guid.NewGuid();
        var things = new[] { Thing.New() with { Owner = owner, Tags = ["x"] }, Thing.New() with { Owner = owner, Emails = ["x@example.com"] } };
        await InsertAsync(store, things);
        var added = Thing.New() with { Tags = ["added"] };

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.CommitAsync(
            [DocumentWrite.DeleteWhere(ConformanceSchema.Things, IndexFilter.Equal("owner", owner)), added.Insert(), Thing.New().Update(3)],
            None));

        Assert.Equal(IdsOf(things), await MatchingIdsAsync(store, null));
        Assert.Equal(IdsOf(things.Take(1)), await MatchingIdsAsync(store, IndexFilter.Equal("tags", "x")));
        Assert.Equal(IdsOf(things.Skip(1)), await MatchingIdsAsync(store, IndexFilter.Equal("emails", "x@example.com")));
        Assert.Empty(await MatchingIdsAsync(store, IndexFilter.Equal("tags", "added")));
    }

    /// <summary>Requirements and filtered deletes outside the schema are argument errors, and nothing of their batch lands.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public virtual async Task Require_and_DeleteWhere_outside_the_schema_are_argument_errors()
    {
        var store = await NewStoreAsync();
        var thing = Thing.New();

        await Assert.ThrowsAnyAsync<ArgumentException>(() => store.CommitAsync(
            [thing.Insert(), DocumentWrite.Require("no_such_collection", Guid.NewGuid())], None));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => store.CommitAsync(
            [thing.Insert(), DocumentWrite.DeleteWhere(ConformanceSchema.Things, IndexFilter.Equal("no_such_index", "x"))], None));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => store.CommitAsync(
            [thing.Insert(), DocumentWrite.DeleteWhere(ConformanceSchema.Things, IndexFilter.Equal("rank", "not a number"))], None));

        Assert.Null(await store.GetAsync(ConformanceSchema.Things, thing.Id, None));
    }
}
