using Crm.Sdk.Customers;
using Crm.Sdk.ProviderKit;
using Crm.Sdk.Specification.Tests.Storage;
using Crm.Sdk.Storage;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;
using Xunit;

namespace Crm.Sdk.Specification.Tests.Crm;

/// <summary>
/// The base of the SDK-level conformance suite: each test gets a fresh database of the provider, a real
/// <c>services.AddCrm(...)</c> registration over it with a <see cref="FakeClock"/>, and talks to the CRM only through
/// <see cref="ICrm"/>. <see cref="ReopenAsync"/> disposes the service provider and builds a new one over the same
/// database, as a restarted host would.
/// </summary>
/// <typeparam name="TFixture">The provider's fixture.</typeparam>
public abstract class CrmConformanceTestBase<TFixture> : IClassFixture<TFixture>, IAsyncLifetime
    where TFixture : StoreFixture
{
    /// <summary>The region national phone numbers are read in throughout the suite.</summary>
    protected const string PhoneRegion = "GB";

    private readonly List<ServiceProvider> _providers = [];

    /// <summary>Creates the test over the provider's fixture, with a database of its own.</summary>
    /// <param name="fixture">The fixture.</param>
    protected CrmConformanceTestBase(TFixture fixture)
    {
        Fixture = fixture;
        DatabaseName = fixture.NewDatabaseName(GetType().Name);
        Crm = Open();
        Services = _providers[^1];
    }

    /// <summary>The provider's fixture.</summary>
    protected TFixture Fixture { get; }

    /// <summary>The database of this test.</summary>
    protected string DatabaseName { get; }

    /// <summary>The clock every service of the test reads; it moves one millisecond per read.</summary>
    protected FakeClock Clock { get; } = new(Instant.FromUtc(2025, 3, 3, 9, 0), Duration.FromMilliseconds(1));

    /// <summary>The current service provider (the one <see cref="Crm"/> comes from).</summary>
    protected IServiceProvider Services { get; private set; }

    /// <summary>The CRM of the current service provider.</summary>
    protected ICrm Crm { get; private set; }

    /// <summary>The custom fields the suite registers: one of each type, and a number <c>counter</c> for the concurrency stress test.</summary>
    protected static IReadOnlyList<CustomFieldDefinition> CustomFieldDefinitions { get; } =
    [
        new("nickname", "Nickname", CustomFieldType.Text, maxLength: 40),
        new("credit_limit", "Credit limit", CustomFieldType.Number),
        new("birthday", "Birthday", CustomFieldType.Date),
        new("newsletter", "Newsletter", CustomFieldType.Boolean),
        new("tier", "Tier", CustomFieldType.Choice, choices: ["bronze", "silver", "gold"]),
        new("counter", "Counter", CustomFieldType.Number),
    ];

    /// <inheritdoc />
    public Task InitializeAsync() => Task.CompletedTask;

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        foreach (var provider in _providers)
        {
            await provider.DisposeAsync();
        }

        _providers.Clear();
    }

    /// <summary>Disposes every open service provider (closing the database) and opens a new one over the same database.</summary>
    /// <returns>The new CRM, also in <see cref="Crm"/>.</returns>
    protected async Task<ICrm> ReopenAsync()
    {
        await DisposeAsync();
        Crm = Open();
        Services = _providers[^1];
        return Crm;
    }

    /// <summary>Opens a second, independent CRM (its own service provider and store) over the same database.</summary>
    /// <returns>The CRM.</returns>
    protected ICrm OpenSecondCrm() => Open();

    /// <summary>Opens a CRM over another database of the provider (a new one for a new name), as another host would.</summary>
    /// <param name="databaseName">A name from <see cref="StoreFixture.NewDatabaseName"/>.</param>
    /// <returns>The CRM; its service provider is disposed with the test.</returns>
    protected ICrm OpenCrmOver(string databaseName) => Open(databaseName);

    /// <summary>Options of the suite's registration; a provider may add its own.</summary>
    /// <param name="options">The options.</param>
    protected virtual void Configure(CrmOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.DefaultPhoneRegion = PhoneRegion;
        foreach (var definition in CustomFieldDefinitions)
        {
            options.CustomFields.Add(definition);
        }
    }

    /// <summary>Reads the domain events stored in the outbox for one aggregate, with a store opened over the database.</summary>
    /// <param name="aggregateId">The aggregate's id.</param>
    /// <returns>The event type names, oldest first.</returns>
    /// <summary>Adds to the registration after the provider (field encryption, for example); nothing by default.</summary>
    /// <param name="builder">The builder from <c>AddCrm</c>.</param>
    protected virtual void ConfigureCrm(CrmBuilder builder)
    {
    }

    protected async Task<IReadOnlyList<string>> StoredEventTypesAsync(Guid aggregateId)
    {
        var store = await Fixture.ReopenStoreAsync(DatabaseName);
        try
        {
            var types = new List<string>();
            var query = new DocumentQuery("domain_events")
            {
                Filter = IndexFilter.Equal("aggregate_id", aggregateId),
                OrderBy = "recorded_at",
            };
            await foreach (var document in store.QueryAsync(query, CancellationToken.None))
            {
                using var json = System.Text.Json.JsonDocument.Parse(document.Body);
                var type = json.RootElement.EnumerateObject()
                    .First(p => string.Equals(p.Name, "eventType", StringComparison.OrdinalIgnoreCase)).Value.GetString();
                types.Add(type!);
            }

            return types;
        }
        finally
        {
            await Fixture.ReleaseStoreAsync(store);
        }
    }

    /// <summary>Reads one stored row as the provider holds it (body, version, index values), with a store opened over the database.</summary>
    /// <param name="collection">The collection.</param>
    /// <param name="id">The record id.</param>
    /// <returns>The row.</returns>
    protected async Task<ExportedDocument> ExportRawAsync(string collection, Guid id)
    {
        var store = await Fixture.ReopenStoreAsync(DatabaseName);
        try
        {
            await foreach (var document in store.ExportAsync(collection, CancellationToken.None))
            {
                if (document.Id == id)
                {
                    return document;
                }
            }

            throw new InvalidOperationException($"No {collection} record {id}.");
        }
        finally
        {
            await Fixture.ReleaseStoreAsync(store);
        }
    }

    /// <summary>Commits writes straight to the provider, past the SDK, as someone writing to the database would.</summary>
    /// <param name="writes">The writes.</param>
    /// <returns>A task.</returns>
    protected async Task WriteRawAsync(IReadOnlyList<DocumentWrite> writes)
    {
        var store = await Fixture.ReopenStoreAsync(DatabaseName);
        try
        {
            await store.CommitAsync(writes, CancellationToken.None);
        }
        finally
        {
            await Fixture.ReleaseStoreAsync(store);
        }
    }

    /// <summary>Replaces a stored row (body and index values) at the same version, as someone writing to the database would.</summary>
    /// <param name="collection">The collection.</param>
    /// <param name="id">The record id.</param>
    /// <param name="change">The new body and index values, from the stored row.</param>
    /// <returns>A task.</returns>
    protected async Task TamperRawAsync(string collection, Guid id, Func<ExportedDocument, (string Body, IndexValues Indexes)> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var document = await ExportRawAsync(collection, id);
        var (body, indexes) = change(document);
        await WriteRawAsync([DocumentWrite.Delete(collection, id, document.Version), DocumentWrite.Import(collection, id, document.Version, body, indexes)]);
    }

    /// <summary>Every stored document (id, version, body) of the given collections, read past the SDK, as one sorted text.</summary>
    /// <param name="collections">The collections.</param>
    /// <returns>One line per document.</returns>
    protected async Task<string> RawSnapshotAsync(IReadOnlyList<string> collections)
    {
        ArgumentNullException.ThrowIfNull(collections);
        var store = await Fixture.ReopenStoreAsync(DatabaseName);
        try
        {
            var lines = new List<string>();
            foreach (var collection in collections)
            {
                await foreach (var document in store.QueryAsync(new DocumentQuery(collection), CancellationToken.None))
                {
                    lines.Add($"{collection} {document.Id} {document.Version} {document.Body}");
                }
            }

            lines.Sort(StringComparer.Ordinal);
            return string.Join('\n', lines);
        }
        finally
        {
            await Fixture.ReleaseStoreAsync(store);
        }
    }

    /// <summary>Reads every page of a paged list.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="pageSize">The page size.</param>
    /// <param name="fetch">Fetches one page.</param>
    /// <returns>The pages in order.</returns>
    protected static async Task<List<Page<T>>> AllPagesAsync<T>(int pageSize, Func<PageRequest, Task<Page<T>>> fetch)
    {
        ArgumentNullException.ThrowIfNull(fetch);
        var pages = new List<Page<T>>();
        string? token = null;
        do
        {
            var page = await fetch(new PageRequest(pageSize, token));
            pages.Add(page);
            token = page.ContinuationToken;
            Assert.True(pages.Count < 10_000, "Paging does not end.");
        }
        while (token is not null);

        return pages;
    }

    private ICrm Open(string? databaseName = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IClock>(Clock);
        var builder = services.AddCrm(Configure);
        Fixture.UseProvider(builder, databaseName ?? DatabaseName);
        ConfigureCrm(builder);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        _providers.Add(provider);
        return provider.GetRequiredService<ICrm>();
    }
}
