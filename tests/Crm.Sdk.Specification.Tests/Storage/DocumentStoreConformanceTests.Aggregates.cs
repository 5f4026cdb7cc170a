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
}
