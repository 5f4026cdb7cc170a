using System.Text.Json.Nodes;
using Crm.Sdk.Customers;
using Crm.Sdk.ProviderKit;
using Crm.Sdk.Specification.Tests.Storage;
using Crm.Sdk.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Crm.Sdk.Specification.Tests.Crm;

/// <summary>
/// The phone upgrade that came with libphonenumber, on every provider: customers whose phones were stored in the previous
/// release's form (seeded through the provider kit, as that release wrote them: <c>+44 (0)20…</c> kept its <c>0</c>) are
/// found before the upgrade, re-normalized by it in checkpointed batches, found by old and new forms after it; a stopped
/// upgrade resumes from its checkpoint, and a host update made while a batch is in flight is never lost.
/// </summary>
/// <typeparam name="TFixture">The provider's fixture.</typeparam>
public abstract class PhoneUpgradeConformanceTests<TFixture>(TFixture fixture) : CrmConformanceTestBase<TFixture>(fixture)
    where TFixture : StoreFixture
{
    private const int CustomerCount = 12;
    private const int BatchSize = 5;
    private const string PhoneUpgrade = "phones-libphonenumber";

    /// <inheritdoc />
    protected override void Configure(CrmOptions options)
    {
        base.Configure(options);

        // The tests seed legacy data first and then run the upgrade themselves.
        options.RunDataUpgradesInBackground = false;
    }

    /// <summary>Before the upgrade legacy phones are found by what was typed; after it every phone has libphonenumber's form and is found by old and new text.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public virtual async Task Legacy_phones_are_found_before_and_after_the_upgrade_rewrites_them()
    {
        var seeded = await SeedLegacyAsync();
        foreach (var (id, raw, _, _) in seeded)
        {
            Assert.Equal(id, Assert.Single(await Crm.Customers.FindByPhoneAsync(raw)).Id);
        }

        var reports = new List<DataUpgradeProgress>();
        var results = await Services.GetRequiredService<ICrmDataUpgrades>().RunAsync(BatchSize, new SyncProgress(reports));

        var result = Phones(results);
        Assert.Equal(new DataUpgradeProgress("phones-libphonenumber", CustomerCount, CustomerCount, 0, true), result);
        Assert.Equal(3, reports.Count(r => r.Upgrade == PhoneUpgrade));
        foreach (var (id, raw, _, e164) in seeded)
        {
            var customer = await Crm.Customers.GetAsync(id);
            Assert.Equal(e164, Assert.Single(customer.Phones).Number.E164);
            Assert.Equal(raw, customer.Phones[0].Number.Raw);
            Assert.Equal(id, Assert.Single(await Crm.Customers.FindByPhoneAsync(raw)).Id);
            Assert.Equal(id, Assert.Single(await Crm.Customers.FindByPhoneAsync(e164)).Id);
        }

        // A later run has nothing to do.
        Assert.Equal(result, Phones(await Services.GetRequiredService<ICrmDataUpgrades>().RunAsync()));
    }

    /// <summary>An upgrade stopped after its first batch continues from its checkpoint in a restarted host.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public virtual async Task A_stopped_upgrade_resumes_from_its_checkpoint_after_a_restart()
    {
        var seeded = await SeedLegacyAsync();
        using var stop = new CancellationTokenSource();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            Services.GetRequiredService<ICrmDataUpgrades>().RunAsync(BatchSize, new SyncProgress([], _ => stop.Cancel()), stop.Token));

        await ReopenAsync();
        var migrated = 0;
        foreach (var (id, raw, _, e164) in seeded)
        {
            migrated += (await Crm.Customers.GetAsync(id)).Phones[0].Number.E164 == e164 ? 1 : 0;
            Assert.Equal(id, Assert.Single(await Crm.Customers.FindByPhoneAsync(raw)).Id);
        }

        Assert.Equal(BatchSize, migrated);
        var reports = new List<DataUpgradeProgress>();
        var result = Phones(await Services.GetRequiredService<ICrmDataUpgrades>().RunAsync(BatchSize, new SyncProgress(reports)));

        Assert.Equal(2 * BatchSize, reports[0].Examined);
        Assert.Equal(new DataUpgradeProgress("phones-libphonenumber", CustomerCount, CustomerCount, 0, true), result);
        foreach (var (id, _, _, e164) in seeded)
        {
            Assert.Equal(id, Assert.Single(await Crm.Customers.FindByPhoneAsync(e164)).Id);
        }
    }

    /// <summary>A host update committed while the upgrade's batch is in flight is kept: the batch re-reads the customer and retries.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public virtual async Task A_concurrent_host_update_is_not_lost()
    {
        var seeded = await SeedLegacyAsync();
        var host = OpenSecondCrm();
        var target = seeded[2].Id;
        var inner = await Fixture.ReopenStoreAsync(DatabaseName);
        var services = new ServiceCollection();
        services.AddSingleton<NodaTime.IClock>(Clock);
        services.AddCrm(Configure).UseStorage("interleaving", _ => new InterleavingStore(inner, async () =>
        {
            var customer = await host.Customers.GetAsync(target);
            customer.AddTag("updated-meanwhile");
            await host.Customers.UpdateAsync(customer);
        }));
        await using var provider = services.BuildServiceProvider();

        var result = Phones(await provider.GetRequiredService<ICrmDataUpgrades>().RunAsync(BatchSize));

        Assert.True(result.IsComplete);
        var updated = await Crm.Customers.GetAsync(target);
        Assert.Contains("updated-meanwhile", updated.Tags);
        Assert.Equal(seeded[2].NewE164, updated.Phones[0].Number.E164);
    }

    /// <summary>The phone upgrade's result among all upgrades' (the others find nothing to do in these ASCII-named customers).</summary>
    private static DataUpgradeProgress Phones(IReadOnlyList<DataUpgradeProgress> results)
    {
        Assert.All(results.Where(r => r.Upgrade != PhoneUpgrade), r => Assert.Equal(0L, r.Changed));
        return Assert.Single(results, r => r.Upgrade == PhoneUpgrade);
    }

    /// <summary>
    /// Creates customers through the CRM, then rewrites their phones through the provider kit into the form the previous
    /// release stored (raw <c>+44 (0)20 7946 01nn</c>, E.164 <c>+44020794601nn</c>), as an old database holds them.
    /// </summary>
    private async Task<List<(CustomerId Id, string Raw, string OldE164, string NewE164)>> SeedLegacyAsync()
    {
        var seeded = new List<(CustomerId, string, string, string)>();
        for (var i = 0; i < CustomerCount; i++)
        {
            var digits = (100 + i).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var customer = await Crm.Customers.CreateAsync(TestDrafts.Customer($"Legacy {i}") with { Phones = [$"+44 20 7946 0{digits}"] });
            seeded.Add((customer.Id, $"+44 (0)20 7946 0{digits}", $"+4402079460{digits}", $"+442079460{digits}"));
        }
        var store = await Fixture.ReopenStoreAsync(DatabaseName);
        try
        {
            var byId = seeded.ToDictionary(s => s.Item1.Value);
            var writes = new List<DocumentWrite>();
            await foreach (var document in store.ExportAsync("customers", CancellationToken.None))
            {
                if (!byId.TryGetValue(document.Id, out var legacy))
                {
                    continue;
                }

                var body = JsonNode.Parse(document.Body)!.AsObject();
                var phone = body.First(p => string.Equals(p.Key, "phones", StringComparison.OrdinalIgnoreCase)).Value!.AsArray()[0]!.AsObject();
                phone[phone.First(p => string.Equals(p.Key, "raw", StringComparison.OrdinalIgnoreCase)).Key] = legacy.Item2;
                phone[phone.First(p => string.Equals(p.Key, "e164", StringComparison.OrdinalIgnoreCase)).Key] = legacy.Item3;
                var indexes = document.Indexes.SetMany("phones", [legacy.Item3]);
                writes.Add(DocumentWrite.Update("customers", document.Id, document.Version, body.ToJsonString(), indexes));
            }

            Assert.Equal(CustomerCount, writes.Count);
            await store.CommitAsync(writes, CancellationToken.None);
        }
        finally
        {
            await Fixture.ReleaseStoreAsync(store);
        }

        return seeded;
    }

    private sealed class SyncProgress(List<DataUpgradeProgress> reports, Action<DataUpgradeProgress>? then = null) : IProgress<DataUpgradeProgress>
    {
        public void Report(DataUpgradeProgress value)
        {
            reports.Add(value);
            then?.Invoke(value);
        }
    }

    /// <summary>Runs a host update just before the first commit that records an upgrade checkpoint, then forwards everything.</summary>
    private sealed class InterleavingStore(IDocumentStore inner, Func<Task> interleave) : IDocumentStore, IDisposable
    {
        private bool _done;

        public Task EnsureSchemaAsync(StoreSchema schema, CancellationToken cancellationToken) => inner.EnsureSchemaAsync(schema, cancellationToken);

        public Task<StoredDocument?> GetAsync(string collection, Guid id, CancellationToken cancellationToken) => inner.GetAsync(collection, id, cancellationToken);

        public IAsyncEnumerable<StoredDocument> GetManyAsync(string collection, IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken) => inner.GetManyAsync(collection, ids, cancellationToken);

        public IAsyncEnumerable<StoredDocument> QueryAsync(DocumentQuery query, CancellationToken cancellationToken) => inner.QueryAsync(query, cancellationToken);

        public Task<long> CountAsync(string collection, IndexFilter? filter, CancellationToken cancellationToken) => inner.CountAsync(collection, filter, cancellationToken);

        public Task<IReadOnlyList<AggregateRow>> AggregateAsync(AggregateQuery query, CancellationToken cancellationToken) => inner.AggregateAsync(query, cancellationToken);

        public IAsyncEnumerable<ExportedDocument> ExportAsync(string collection, CancellationToken cancellationToken) => inner.ExportAsync(collection, cancellationToken);

        public async Task CommitAsync(IReadOnlyList<DocumentWrite> writes, CancellationToken cancellationToken)
        {
            if (!_done && writes.Any(w => w.Collection == "data_upgrades"))
            {
                _done = true;
                await interleave();
            }

            await inner.CommitAsync(writes, cancellationToken);
        }

        public void Dispose() => (inner as IDisposable)?.Dispose();
    }
}
