using Crm.Sdk.ProviderKit;
using Crm.Sdk.Storage;
using FsCheck;
using FsCheck.Fluent;
using Xunit;

namespace Crm.Sdk.Specification.Tests.Storage;

/// <content>Ordering, keyset paging, limits and streaming.</content>
public abstract partial class DocumentStoreConformanceTests<TFixture>
{
    /// <summary>Ordering by an index breaks ties by id, in the query's direction.</summary>
    /// <param name="descending">Whether to order from the largest value down.</param>
    /// <returns>The test.</returns>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public virtual async Task Ordering_by_an_index_breaks_ties_by_id_in_the_same_direction(bool descending)
    {
        var store = await NewStoreAsync();
        var things = Enumerable.Range(0, 60).Select(i => Thing.New() with { Rank = i % 7 - 3, Name = "n" + (i % 5), Amount = (i % 4) * 0.5m }).ToArray();
        await InsertAsync(store, things);

        foreach (var index in new[] { "rank", "name", "amount" })
        {
            var actual = await QueryAsync(store, new DocumentQuery(ConformanceSchema.Things) { OrderBy = index, Descending = descending });
            var expected = Sort(things, index, descending);
            Assert.Equal(expected.Select(t => t.Id), actual.Select(d => d.Id));
        }
    }

    /// <summary>Without an order index, documents come in id order and the sort value is the id.</summary>
    /// <param name="descending">Whether to order from the largest id down.</param>
    /// <returns>The test.</returns>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public virtual async Task Without_an_order_index_documents_come_in_id_order(bool descending)
    {
        var store = await NewStoreAsync();
        var things = Enumerable.Range(0, 50).Select(_ => Thing.New()).ToArray();
        await InsertAsync(store, things);

        var actual = await QueryAsync(store, new DocumentQuery(ConformanceSchema.Things) { Descending = descending });

        var expected = descending ? things.Select(t => t.Id).OrderDescending() : things.Select(t => t.Id).Order();
        Assert.Equal(expected, actual.Select(d => d.Id));
        Assert.All(actual, d => Assert.Equal(d.Id, d.SortValue));
    }

    /// <summary>GUIDs order as <see cref="Guid.CompareTo(Guid)"/> does, so version 7 GUIDs order by creation time.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public virtual async Task Guids_order_as_Guid_CompareTo()
    {
        var store = await NewStoreAsync();
        var owners = Enumerable.Range(0, 40).Select(i => i % 2 == 0 ? Guid.NewGuid() : Guid.CreateVersion7(DateTimeOffset.UnixEpoch.AddDays(i))).ToArray();
        var things = owners.Select(o => Thing.New() with { Owner = o }).ToArray();
        await InsertAsync(store, things);

        var actual = await QueryAsync(store, new DocumentQuery(ConformanceSchema.Things) { OrderBy = "owner" });

        Assert.Equal(owners.Order(), actual.Select(d => (Guid)d.SortValue!));
    }

    /// <summary>Keyset paging over 250 documents in pages of 37 returns each exactly once, in order, both ways, with a filter.</summary>
    /// <param name="descending">Whether to page from the largest value down.</param>
    /// <returns>The test.</returns>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public virtual async Task Keyset_paging_returns_every_document_once_in_order(bool descending)
    {
        var store = await NewStoreAsync();
        var owner = Guid.NewGuid();
        var mine = Enumerable.Range(0, 250).Select(i => Thing.New() with { Owner = owner, OccurredAt = i / 3, Amount = i % 11 }).ToArray();
        var others = Enumerable.Range(0, 40).Select(i => Thing.New() with { Owner = Guid.NewGuid(), OccurredAt = i }).ToArray();
        await InsertAsync(store, [.. mine, .. others]);

        foreach (var index in new string?[] { "occurred_at", "amount", null })
        {
            var pages = await PageAsync(store, new DocumentQuery(ConformanceSchema.Things) { Filter = IndexFilter.Equal("owner", owner), OrderBy = index, Descending = descending }, 37);

            Assert.Equal(Sort(mine, index, descending).Select(t => t.Id), pages.SelectMany(p => p).Select(d => d.Id));
            Assert.All(pages.SkipLast(1), p => Assert.Equal(37, p.Count));
        }
    }

    /// <summary>For any documents and page size, keyset paging yields exactly the documents, sorted.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public virtual async Task Keyset_paging_yields_exactly_the_sorted_documents_for_any_input()
    {
        var store = await NewStoreAsync();
        var input = Gen.Choose(-5, 5).ArrayOf().Zip(Gen.Choose(1, 12)).Zip(Gen.Elements(false, true));
        var property = Prop.ForAll(input.ToArbitrary(), sample => PagesMatch(store, sample.Item1.Item1, sample.Item1.Item2, sample.Item2));

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(30), property);
    }

    /// <summary>A limit caps the number of documents.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public virtual async Task Limit_caps_the_number_of_documents()
    {
        var store = await NewStoreAsync();
        var things = Enumerable.Range(0, 20).Select(i => Thing.New() with { Rank = i }).ToArray();
        await InsertAsync(store, things);

        var top = await QueryAsync(store, new DocumentQuery(ConformanceSchema.Things) { OrderBy = "rank", Descending = true, Limit = 3 });
        var none = await QueryAsync(store, new DocumentQuery(ConformanceSchema.Things) { Limit = 0 });

        Assert.Equal(new long[] { 19, 18, 17 }, top.Select(d => (long)d.SortValue!));
        Assert.Empty(none);
    }

    /// <summary>An ordered query leaves out documents that have no value of the order index (the index must be non-null).</summary>
    /// <returns>The test.</returns>
    [Fact]
    public virtual async Task An_ordered_query_leaves_out_documents_without_a_value_of_the_order_index()
    {
        var store = await NewStoreAsync();
        var ranked = Thing.New() with { Rank = 1 };
        await InsertAsync(store, ranked, Thing.New());

        var actual = await QueryAsync(store, new DocumentQuery(ConformanceSchema.Things) { OrderBy = "rank" });

        Assert.Equal([ranked.Id], actual.Select(d => d.Id));
    }

    /// <summary>A query without a limit streams all of 5,000 documents.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public virtual async Task A_query_without_a_limit_streams_every_document()
    {
        var store = await NewStoreAsync();
        await InsertAsync(store, Enumerable.Range(0, 5_000).Select(i => Thing.New() with { OccurredAt = i }));

        long expected = 0;
        await foreach (var document in store.QueryAsync(new DocumentQuery(ConformanceSchema.Things) { OrderBy = "occurred_at" }, None))
        {
            Assert.Equal(expected++, document.SortValue);
        }

        Assert.Equal(5_000, expected);
    }

    /// <summary>Reading many ids, more than a thousand, returns the present ones once each and skips absent ones.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public virtual async Task GetMany_returns_every_present_id_once_for_more_than_a_thousand_ids()
    {
        var store = await NewStoreAsync();
        var things = Enumerable.Range(0, 1_500).Select(_ => Thing.New()).ToArray();
        await InsertAsync(store, things);
        var asked = things.Take(1_200).Select(t => t.Id).Concat(Enumerable.Range(0, 50).Select(_ => Guid.NewGuid())).Append(things[0].Id).ToArray();

        var found = new List<StoredDocument>();
        await foreach (var document in store.GetManyAsync(ConformanceSchema.Things, asked, None))
        {
            found.Add(document);
        }

        Assert.Equal(IdsOf(things.Take(1_200)), found.Select(d => d.Id).Order());
        Assert.All(found, d => Assert.Equal(1, d.Version));
    }

    /// <summary>Pages through a query with keyset positions built from each page's last document.</summary>
    /// <param name="store">The store.</param>
    /// <param name="query">The query (its After and Limit are replaced).</param>
    /// <param name="pageSize">The page size.</param>
    /// <returns>The pages.</returns>
    protected static async Task<List<List<StoredDocument>>> PageAsync(IDocumentStore store, DocumentQuery query, int pageSize)
    {
        var pages = new List<List<StoredDocument>>();
        KeysetPosition? after = null;
        while (true)
        {
            var page = await QueryAsync(store, query with { After = after, Limit = pageSize });
            if (page.Count == 0)
            {
                return pages;
            }

            pages.Add(page);
            after = new KeysetPosition(page[^1].SortValue!, page[^1].Id);
            if (pages.Count > 10_000)
            {
                throw new InvalidOperationException("Paging does not end.");
            }
        }
    }

    /// <summary>Things sorted as an ordered query must return them: by the index, then by id, in one direction.</summary>
    /// <param name="things">The things.</param>
    /// <param name="index">The index, or <see langword="null"/> for id order.</param>
    /// <param name="descending">The direction.</param>
    /// <returns>The sorted things.</returns>
    protected static List<Thing> Sort(IEnumerable<Thing> things, string? index, bool descending)
    {
        var sorted = index switch
        {
            null => things.OrderBy(t => t.Id),
            "name" => things.OrderBy(t => t.Name, CodePointComparer.Instance).ThenBy(t => t.Id),
            "amount" => things.OrderBy(t => t.Amount).ThenBy(t => t.Id),
            "rank" => things.OrderBy(t => t.Rank).ThenBy(t => t.Id),
            "occurred_at" => things.OrderBy(t => t.OccurredAt).ThenBy(t => t.Id),
            "owner" => things.OrderBy(t => t.Owner).ThenBy(t => t.Id),
            _ => throw new ArgumentOutOfRangeException(nameof(index), index, "Unknown index."),
        };
        var list = sorted.ToList();
        if (descending)
        {
            list.Reverse();
        }

        return list;
    }

    private static bool PagesMatch(IDocumentStore store, int[] ranks, int pageSize, bool descending) =>
        PagesMatchAsync(store, ranks, pageSize, descending).GetAwaiter().GetResult();

    private static async Task<bool> PagesMatchAsync(IDocumentStore store, int[] ranks, int pageSize, bool descending)
    {
        // Each run writes its own documents under a fresh name, and pages only through those.
        var run = Guid.NewGuid().ToString("N");
        var things = ranks.Select(r => Thing.New() with { Name = run, Rank = r }).ToArray();
        if (things.Length > 0)
        {
            await InsertAsync(store, things);
        }

        var query = new DocumentQuery(ConformanceSchema.Things) { Filter = IndexFilter.Equal("name", run), OrderBy = "rank", Descending = descending };
        var pages = await PageAsync(store, query, pageSize);
        return Sort(things, "rank", descending).Select(t => t.Id).SequenceEqual(pages.SelectMany(p => p).Select(d => d.Id))
            && pages.All(p => p.Count <= pageSize);
    }
}
