using Crm.Sdk.ProviderKit;
using Crm.Sdk.Storage;
using Xunit;

namespace Crm.Sdk.Specification.Tests.Storage;

/// <content>Filters: equal, any-of, range, prefix, and, on single- and multi-valued indexes.</content>
public abstract partial class DocumentStoreConformanceTests<TFixture>
{
    /// <summary>Equality matches on every index type.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public virtual async Task Equal_filter_matches_on_every_index_type()
    {
        var store = await NewStoreAsync();
        var owner = Guid.NewGuid();
        var a = Thing.New() with { Name = "alpha", Amount = 0.0001m, Rank = long.MinValue, Owner = owner };
        var b = Thing.New() with { Name = "Alpha", Amount = 0.0002m, Rank = long.MaxValue, Owner = Guid.NewGuid() };
        await InsertAsync(store, a, b, Thing.New());

        Assert.Equal(IdsOf([a]), await MatchingIdsAsync(store, IndexFilter.Equal("name", "alpha")));
        Assert.Equal(IdsOf([a]), await MatchingIdsAsync(store, IndexFilter.Equal("amount", 0.0001m)));
        Assert.Equal(IdsOf([b]), await MatchingIdsAsync(store, IndexFilter.Equal("amount", 0.00020m)));
        Assert.Equal(IdsOf([a]), await MatchingIdsAsync(store, IndexFilter.Equal("rank", long.MinValue)));
        Assert.Equal(IdsOf([b]), await MatchingIdsAsync(store, IndexFilter.Equal("rank", long.MaxValue)));
        Assert.Equal(IdsOf([a]), await MatchingIdsAsync(store, IndexFilter.Equal("owner", owner)));
    }

    /// <summary>Any-of matches documents equal to one of the values.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public virtual async Task AnyOf_filter_matches_any_of_the_values()
    {
        var store = await NewStoreAsync();
        var things = Enumerable.Range(0, 10).Select(i => Thing.New() with { Rank = i, Name = "n" + i }).ToArray();
        await InsertAsync(store, things);

        Assert.Equal(IdsOf([things[1], things[3], things[8]]), await MatchingIdsAsync(store, IndexFilter.AnyOf("rank", [1L, 3L, 8L, 99L])));
        Assert.Equal(IdsOf([things[0], things[9]]), await MatchingIdsAsync(store, IndexFilter.AnyOf("name", ["n0", "n9"])));
    }

    /// <summary>Range is inclusive below and exclusive above, and a null bound is open.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public virtual async Task Range_filter_is_inclusive_below_exclusive_above_and_open_on_null()
    {
        var store = await NewStoreAsync();
        var things = new[] { -2.5m, -0.0001m, 0m, 0.0001m, 1m, 2.5m, 99999999999999.9999m }.Select(a => Thing.New() with { Amount = a }).ToArray();
        await InsertAsync(store, [.. things, Thing.New()]);
        List<Guid> Where(Func<decimal, bool> predicate) => IdsOf(things.Where(t => predicate(t.Amount!.Value)));

        Assert.Equal(Where(a => a >= 0m && a < 1m), await MatchingIdsAsync(store, IndexFilter.Range("amount", 0m, 1m)));
        Assert.Equal(Where(a => a >= -0.0001m), await MatchingIdsAsync(store, IndexFilter.Range("amount", -0.0001m, null)));
        Assert.Equal(Where(a => a < 0m), await MatchingIdsAsync(store, IndexFilter.Range("amount", null, 0m)));
        Assert.Equal(Where(_ => true), await MatchingIdsAsync(store, IndexFilter.Range("amount", null, null)));
        Assert.Equal(Where(a => a >= 2.5m), await MatchingIdsAsync(store, IndexFilter.Range("amount", 2.5m, 100000000000000m)));
    }

    /// <summary>Range works on text (code point order), whole numbers and GUIDs.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public virtual async Task Range_filter_works_on_text_whole_numbers_and_guids()
    {
        var store = await NewStoreAsync();
        var names = new[] { "a", "ab", "b", "B", "é", "z" };
        var things = names.Select((n, i) => Thing.New() with { Name = n, Rank = i * 10L, Owner = Guid.NewGuid() }).ToArray();
        await InsertAsync(store, things);
        var middle = things.Select(t => t.Owner!.Value).Order().ElementAt(3);

        Assert.Equal(IdsOf(things.Where(t => CodePointComparer.Instance.Compare(t.Name, "ab") >= 0 && CodePointComparer.Instance.Compare(t.Name, "z") < 0)),
            await MatchingIdsAsync(store, IndexFilter.Range("name", "ab", "z")));
        Assert.Equal(IdsOf(things.Where(t => t.Rank is >= 10 and < 40)), await MatchingIdsAsync(store, IndexFilter.Range("rank", 10L, 40L)));
        Assert.Equal(IdsOf(things.Where(t => t.Owner!.Value.CompareTo(middle) >= 0)), await MatchingIdsAsync(store, IndexFilter.Range("owner", middle, null)));
    }

    /// <summary>StartsWith is an ordinal prefix match: wildcard characters of SQL are plain characters.</summary>
    /// <param name="prefix">The prefix.</param>
    /// <returns>The test.</returns>
    [Theory]
    [InlineData("%")]
    [InlineData("_")]
    [InlineData("50%")]
    [InlineData("a_")]
    [InlineData("*")]
    [InlineData("[")]
    [InlineData("[a")]
    [InlineData("\\")]
    [InlineData("a")]
    [InlineData("A")]
    [InlineData("é")]
    [InlineData("日本")]
    [InlineData("😀")]
    [InlineData("\uD7FF")]
    [InlineData("z\uFFFF")]
    [InlineData("'")]
    public virtual async Task StartsWith_is_an_ordinal_prefix_match_with_no_wildcards(string prefix)
    {
        var store = await NewStoreAsync();
        string[] names =
        [
            "%", "%x", "50%", "50% off", "500", "5_0", "_", "_x", "a_b", "aXb", "a", "ab", "A", "AB", "a*b", "*", "*x", "[", "[a]", "[b",
            "\\", "\\x", "é", "éa", "e", "E", "日本", "日本語", "日", "😀", "😀x", "😁", "\uD7FF", "\uD7FFx", "\uE000", "\uFFFF", "z\uFFFF", "z\uFFFFa",
            "z\U00010000", "{", "'", "'x", "a'",
        ];
        var things = names.Select(n => Thing.New() with { Name = n, Tags = [n] }).ToArray();
        await InsertAsync(store, things);
        var expected = IdsOf(things.Where(t => t.Name!.StartsWith(prefix, StringComparison.Ordinal)));

        Assert.NotEmpty(expected);
        Assert.Equal(expected, await MatchingIdsAsync(store, IndexFilter.StartsWith("name", prefix)));
        Assert.Equal(expected, await MatchingIdsAsync(store, IndexFilter.StartsWith("tags", prefix)));
    }

    /// <summary>And requires every condition.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public virtual async Task And_filter_requires_every_condition()
    {
        var store = await NewStoreAsync();
        var owner = Guid.NewGuid();
        var things = Enumerable.Range(0, 20).Select(i => Thing.New() with { Owner = i % 2 == 0 ? owner : Guid.NewGuid(), OccurredAt = i, Tags = i % 3 == 0 ? ["three"] : [] }).ToArray();
        await InsertAsync(store, things);

        var filter = IndexFilter.And(IndexFilter.Equal("owner", owner), IndexFilter.Range("occurred_at", 4L, 16L), IndexFilter.Equal("tags", "three"));

        Assert.Equal(IdsOf(things.Where(t => t.Owner == owner && t.OccurredAt is >= 4 and < 16 && t.Tags!.Contains("three"))), await MatchingIdsAsync(store, filter));
    }

    /// <summary>On a multi-valued index a condition holds when any value meets it, and each document comes once.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public virtual async Task Filters_on_a_multi_valued_index_match_any_value_and_return_each_document_once()
    {
        var store = await NewStoreAsync();
        var both = Thing.New() with { Tags = ["vip", "vendor"] };
        var vip = Thing.New() with { Tags = ["vip"] };
        var none = Thing.New() with { Tags = ["other"] };
        var empty = Thing.New();
        await InsertAsync(store, both, vip, none, empty);

        Assert.Equal(IdsOf([both, vip]), await MatchingIdsAsync(store, IndexFilter.Equal("tags", "vip")));
        Assert.Equal(IdsOf([both, vip]), await MatchingIdsAsync(store, IndexFilter.AnyOf("tags", ["vip", "vendor"])));
        Assert.Equal(IdsOf([both, vip]), await MatchingIdsAsync(store, IndexFilter.StartsWith("tags", "v")));
        Assert.Equal(IdsOf([both, vip, none]), await MatchingIdsAsync(store, IndexFilter.Range("tags", "a", "w")));
        Assert.Equal(2, await store.CountAsync(ConformanceSchema.Things, IndexFilter.StartsWith("tags", "v"), None));
    }

    /// <summary>A filter on an undeclared index is an argument error.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public virtual async Task A_filter_on_an_undeclared_index_is_an_argument_error()
    {
        var store = await NewStoreAsync();

        await Assert.ThrowsAnyAsync<ArgumentException>(() => store.CountAsync(ConformanceSchema.Things, IndexFilter.Equal("colour", "red"), None));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => QueryAsync(store, new DocumentQuery(ConformanceSchema.Things) { OrderBy = "colour" }));
    }
}
