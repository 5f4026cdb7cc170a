using Crm.Sdk.ProviderKit;
using Crm.Sdk.Storage;
using Xunit;

namespace Crm.Sdk.Specification.Tests.Storage;

/// <content>Counts and aggregates.</content>
public abstract partial class DocumentStoreConformanceTests<TFixture>
{
    /// <summary>Count counts all documents, or those matching a filter.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public virtual async Task Count_counts_all_or_matching_documents()
    {
        var store = await NewStoreAsync();
        await InsertAsync(store, Enumerable.Range(0, 30).Select(i => Thing.New() with { Rank = i % 3 }));

        Assert.Equal(30, await store.CountAsync(ConformanceSchema.Things, null, None));
        Assert.Equal(10, await store.CountAsync(ConformanceSchema.Things, IndexFilter.Equal("rank", 2L), None));
        Assert.Equal(0, await store.CountAsync(ConformanceSchema.Things, IndexFilter.Equal("rank", 5L), None));
    }

    /// <summary>Grouped aggregates: exact decimal sums, averages as doubles, min and max of every type, nulls ignored.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public virtual async Task Aggregates_group_and_compute_exactly_ignoring_nulls()
    {
        var store = await NewStoreAsync();
        var owner = Guid.NewGuid();
        await InsertAsync(store,
            Thing.New() with { Name = "a", Amount = 0.1m, Rank = 1, Owner = owner },
            Thing.New() with { Name = "a", Amount = 0.2m, Rank = 3, Owner = Guid.Empty },
            Thing.New() with { Name = "a", Amount = null, Rank = null },
            Thing.New() with { Name = "b", Amount = 99999999999999.9999m, Rank = 10 },
            Thing.New() with { Name = "b", Amount = -99999999999999.9999m, Rank = -11 },
            Thing.New() with { Name = null, Amount = 0.0001m, Rank = 7 });

        var rows = await store.AggregateAsync(
            new AggregateQuery(
                ConformanceSchema.Things,
                null,
                ["name"],
                [
                    new AggregateFunction(AggregateKind.Count),
                    new AggregateFunction(AggregateKind.Sum, "amount"),
                    new AggregateFunction(AggregateKind.Average, "rank"),
                    new AggregateFunction(AggregateKind.Min, "owner"),
                    new AggregateFunction(AggregateKind.Max, "amount"),
                    new AggregateFunction(AggregateKind.Count, "amount"),
                ]),
            None);

        var byName = rows.ToDictionary(r => (string?)r.Keys[0] ?? "<null>");
        Assert.Equal(3, byName.Count);
        Assert.Equal(new object?[] { 3L, 0.3m, 2d, Guid.Empty, 0.2m, 2L }, byName["a"].Values);
        Assert.Equal(0m, byName["b"].Values[1]);
        Assert.Equal(-0.5d, byName["b"].Values[2]);
        Assert.Equal(new object?[] { 1L, 0.0001m, 7d, null, 0.0001m, 1L }, byName["<null>"].Values);
        Assert.IsType<decimal>(byName["a"].Values[1]);
        Assert.IsType<long>(byName["a"].Values[0]);
        Assert.IsType<double>(byName["a"].Values[2]);
    }

    /// <summary>Aggregates with a filter and no grouping give one row; over nothing, count 0 and null values.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public virtual async Task Aggregates_without_grouping_give_one_row_even_over_nothing()
    {
        var store = await NewStoreAsync();
        await InsertAsync(store, Enumerable.Range(1, 4).Select(i => Thing.New() with { Rank = i, Amount = i * 1.25m, Name = "x" }));
        AggregateFunction[] functions =
        [
            new(AggregateKind.Count), new(AggregateKind.Sum, "amount"), new(AggregateKind.Average, "amount"),
            new(AggregateKind.Min, "rank"), new(AggregateKind.Max, "name"), new(AggregateKind.Sum, "rank"),
        ];

        var all = await store.AggregateAsync(new AggregateQuery(ConformanceSchema.Things, IndexFilter.Equal("name", "x"), [], functions), None);
        var nothing = await store.AggregateAsync(new AggregateQuery(ConformanceSchema.Things, IndexFilter.Equal("name", "y"), [], functions), None);
        var groupedNothing = await store.AggregateAsync(new AggregateQuery(ConformanceSchema.Things, IndexFilter.Equal("name", "y"), ["rank"], functions), None);

        Assert.Equal(new object?[] { 4L, 12.5m, 3.125d, 1L, "x", 10L }, Assert.Single(all).Values);
        Assert.Empty(Assert.Single(all).Keys);
        Assert.Equal(new object?[] { 0L, null, null, null, null, null }, Assert.Single(nothing).Values);
        Assert.Empty(groupedNothing);
    }

    /// <summary>Sums of many amounts with four decimal places are exact.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public virtual async Task Sums_of_many_amounts_are_exact()
    {
        var store = await NewStoreAsync();
        var amounts = Enumerable.Range(0, 1_000).Select(i => (i * 7919 % 100_000) / 10_000m - 3.3333m).ToArray();
        await InsertAsync(store, amounts.Select(a => Thing.New() with { Amount = a }));

        var row = Assert.Single(await store.AggregateAsync(
            new AggregateQuery(ConformanceSchema.Things, null, [], [new AggregateFunction(AggregateKind.Sum, "amount")]), None));

        Assert.Equal(amounts.Sum(), row.Values[0]);
    }

    /// <summary>
    /// Sums never overflow: a thousand of the largest Numbers (and of the smallest) sum exactly, far beyond the range of
    /// one value, and WholeNumber sums are exact whatever the order of the rows, even when a running total would leave
    /// the range of a <see cref="long"/> on the way.
    /// </summary>
    /// <returns>The test.</returns>
    [Fact]
    public virtual async Task Sums_of_many_maximal_values_never_overflow()
    {
        const decimal largest = 99_999_999_999_999.9999m;
        var store = await NewStoreAsync();
        await InsertAsync(store, Enumerable.Range(0, 1_000).Select(_ => Thing.New() with { Name = "max", Amount = largest, Rank = long.MaxValue / 1_000 }));
        await InsertAsync(store, Enumerable.Range(0, 1_000).Select(_ => Thing.New() with { Name = "min", Amount = -largest, Rank = long.MinValue / 1_000 }));
        await InsertAsync(store, Enumerable.Range(0, 6).Select(i => Thing.New() with { Name = "mixed", Amount = i < 3 ? largest : -largest, Rank = i < 3 ? long.MaxValue : long.MinValue + 1 }));

        var rows = await store.AggregateAsync(
            new AggregateQuery(ConformanceSchema.Things, null, ["name"], [new AggregateFunction(AggregateKind.Sum, "amount"), new AggregateFunction(AggregateKind.Sum, "rank")]),
            None);

        var byName = rows.ToDictionary(r => (string)r.Keys[0]!);
        Assert.Equal(new object?[] { 99_999_999_999_999_999.9m, long.MaxValue / 1_000 * 1_000 }, byName["max"].Values);
        Assert.Equal(new object?[] { -99_999_999_999_999_999.9m, long.MinValue / 1_000 * 1_000 }, byName["min"].Values);
        Assert.Equal(new object?[] { 0m, 0L }, byName["mixed"].Values);
        var all = Assert.Single(await store.AggregateAsync(
            new AggregateQuery(ConformanceSchema.Things, IndexFilter.Equal("name", "max"), [], [new AggregateFunction(AggregateKind.Sum, "amount")]), None));
        Assert.Equal(99_999_999_999_999_999.9m, all.Values[0]);
    }

    /// <summary>
    /// A WholeNumber sum beyond the range of a <see cref="long"/> cannot be returned as one: the provider says so with a
    /// <see cref="CrmStorageException"/> that names the index, not with a driver's overflow error.
    /// </summary>
    /// <returns>The test.</returns>
    [Fact]
    public virtual async Task Whole_number_sum_beyond_long_is_a_clear_storage_error()
    {
        var store = await NewStoreAsync();
        await InsertAsync(store, Enumerable.Range(0, 3).Select(_ => Thing.New() with { Rank = long.MaxValue }));

        var ex = await Assert.ThrowsAsync<CrmStorageException>(() => store.AggregateAsync(
            new AggregateQuery(ConformanceSchema.Things, null, [], [new AggregateFunction(AggregateKind.Sum, "rank")]), None));

        Assert.Contains("'rank'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("27670116110564327421", ex.Message, StringComparison.Ordinal);
        Assert.False(ex.IsTransient);
    }
}
