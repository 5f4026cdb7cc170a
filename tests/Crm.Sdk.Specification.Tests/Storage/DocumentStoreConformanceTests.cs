using Crm.Sdk.ProviderKit;
using Crm.Sdk.Storage;
using Xunit;

namespace Crm.Sdk.Specification.Tests.Storage;

/// <summary>
/// The conformance suite of <see cref="IDocumentStore"/>: every provider passes it. A provider's test project enrolls
/// with an empty subclass, <c>public sealed class XxxDocumentStoreConformanceTests(XxxStoreFixture f) :
/// DocumentStoreConformanceTests&lt;XxxStoreFixture&gt;(f);</c>; it opts out of a test only by overriding it with a reason.
/// </summary>
/// <typeparam name="TFixture">The provider's fixture.</typeparam>
public abstract partial class DocumentStoreConformanceTests<TFixture> : IClassFixture<TFixture>, IAsyncLifetime
    where TFixture : StoreFixture
{
    private readonly List<IDocumentStore> _stores = [];

    /// <summary>Creates the test class over the provider's fixture.</summary>
    /// <param name="fixture">The fixture.</param>
    protected DocumentStoreConformanceTests(TFixture fixture)
    {
        Fixture = fixture;
    }

    /// <summary>The provider's fixture.</summary>
    protected TFixture Fixture { get; }

    /// <summary>A token for calls that should not be cancelled.</summary>
    protected static CancellationToken None => CancellationToken.None;

    /// <inheritdoc />
    public Task InitializeAsync() => Task.CompletedTask;

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        foreach (var store in _stores)
        {
            await Fixture.ReleaseStoreAsync(store);
        }

        _stores.Clear();
    }

    /// <summary>Creates a store over a new database with <see cref="ConformanceSchema.Initial"/> (or another schema) in place.</summary>
    /// <param name="schema">The schema, or <see langword="null"/> for the initial one.</param>
    /// <returns>The store.</returns>
    protected async Task<IDocumentStore> NewStoreAsync(StoreSchema? schema = null)
    {
        var (store, _) = await NewNamedStoreAsync(schema);
        return store;
    }

    /// <summary>Like <see cref="NewStoreAsync"/>, also returning the database name.</summary>
    /// <param name="schema">The schema, or <see langword="null"/> for the initial one.</param>
    /// <returns>The store and its database name.</returns>
    protected async Task<(IDocumentStore Store, string DatabaseName)> NewNamedStoreAsync(StoreSchema? schema = null)
    {
        var name = Fixture.NewDatabaseName(GetType().Name);
        var store = Track(await Fixture.CreateStoreAsync(name));
        await store.EnsureSchemaAsync(schema ?? ConformanceSchema.Initial, None);
        return (store, name);
    }

    /// <summary>Remembers a store so that it is released after the test.</summary>
    /// <param name="store">The store.</param>
    /// <returns>The same store.</returns>
    protected IDocumentStore Track(IDocumentStore store)
    {
        _stores.Add(store);
        return store;
    }

    /// <summary>Releases a store before the end of the test.</summary>
    /// <param name="store">The store.</param>
    /// <returns>A task that completes when it is released.</returns>
    protected async Task ReleaseAsync(IDocumentStore store)
    {
        _stores.Remove(store);
        await Fixture.ReleaseStoreAsync(store);
    }

    /// <summary>Inserts things in one batch.</summary>
    /// <param name="store">The store.</param>
    /// <param name="things">The things.</param>
    /// <returns>A task that completes when they are committed.</returns>
    protected static Task InsertAsync(IDocumentStore store, params IEnumerable<Thing> things) =>
        store.CommitAsync(things.Select(t => t.Insert()).ToArray(), None);

    /// <summary>Reads a whole query.</summary>
    /// <param name="store">The store.</param>
    /// <param name="query">The query.</param>
    /// <returns>The documents, in the order the store returned them.</returns>
    protected static async Task<List<StoredDocument>> QueryAsync(IDocumentStore store, DocumentQuery query)
    {
        var result = new List<StoredDocument>();
        await foreach (var document in store.QueryAsync(query, None))
        {
            result.Add(document);
        }

        return result;
    }

    /// <summary>The ids of the documents of <see cref="ConformanceSchema.Things"/> that match a filter, sorted.</summary>
    /// <param name="store">The store.</param>
    /// <param name="filter">The filter.</param>
    /// <returns>The ids, sorted.</returns>
    protected static async Task<List<Guid>> MatchingIdsAsync(IDocumentStore store, IndexFilter? filter) =>
        (await QueryAsync(store, new DocumentQuery(ConformanceSchema.Things) { Filter = filter })).Select(d => d.Id).Order().ToList();

    /// <summary>The ids of things, sorted: what <see cref="MatchingIdsAsync"/> returns for them.</summary>
    /// <param name="things">The things.</param>
    /// <returns>The ids, sorted.</returns>
    protected static List<Guid> IdsOf(IEnumerable<Thing> things) => things.Select(t => t.Id).Order().ToList();
}
