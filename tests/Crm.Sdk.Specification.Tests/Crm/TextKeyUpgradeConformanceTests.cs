using System.Text.Json.Nodes;
using Crm.Sdk.Customers;
using Crm.Sdk.Pipelines;
using Crm.Sdk.ProviderKit;
using Crm.Sdk.Specification.Tests.Storage;
using Crm.Sdk.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Crm.Sdk.Specification.Tests.Crm;

/// <summary>
/// The text-key upgrade on every provider: customers and pipelines whose keys were written by the previous release in
/// globalization-invariant mode (seeded through the provider kit as that release wrote them: <c>Ｆｏｏ Bar</c> keyed
/// <c>ｆｏｏ bar</c>, tag <c>ＶＩＰ</c> stored as <c>ｖｉｐ</c>) are missed by today's searches until the upgrade
/// recomputes their keys, and found by them after it.
/// </summary>
/// <typeparam name="TFixture">The provider's fixture.</typeparam>
public abstract class TextKeyUpgradeConformanceTests<TFixture>(TFixture fixture) : CrmConformanceTestBase<TFixture>(fixture)
    where TFixture : StoreFixture
{
    /// <inheritdoc />
    protected override void Configure(CrmOptions options)
    {
        base.Configure(options);

        // The tests seed legacy keys first and then run the upgrade themselves.
        options.RunDataUpgradesInBackground = false;
    }

    /// <summary>Old invariant-mode keys are missed before the upgrade and found after it; ASCII records are left alone.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public virtual async Task Keys_written_in_invariant_mode_are_found_after_the_upgrade()
    {
        var foo = await Crm.Customers.CreateAsync(TestDrafts.Customer("\uFF26\uFF4F\uFF4F Bar") with { Tags = ["vip"] });
        var plain = await Crm.Customers.CreateAsync(TestDrafts.Customer("Foo Plain") with { Tags = ["vip", "newsletter"] });
        var enterprise = await Crm.Pipelines.CreateAsync(TestDrafts.Pipeline("\uFF25\uFF4E\uFF54\uFF45\uFF52\uFF50\uFF52\uFF49\uFF53\uFF45"));
        await SeedLegacyKeysAsync(foo.Id.Value, enterprise.Id.Value);

        Assert.Equal([plain.Id], await FindAsync(new CustomerFilter { NamePrefix = "foo" }));
        Assert.Equal([plain.Id], await FindAsync(new CustomerFilter { Tag = "VIP" }));
        Assert.Null(await Crm.Pipelines.FindByNameAsync("enterprise"));

        var results = await Services.GetRequiredService<ICrmDataUpgrades>().RunAsync();

        Assert.Contains(new DataUpgradeProgress("customers-text-keys-nfkc-casefold", 2, 1, 0, true), results);
        Assert.Contains(new DataUpgradeProgress("pipelines-text-keys-nfkc-casefold", 1, 1, 0, true), results);
        Assert.Equal([foo.Id, plain.Id], await FindAsync(new CustomerFilter { NamePrefix = "foo" }));
        Assert.Equal([foo.Id, plain.Id], await FindAsync(new CustomerFilter { Tag = "VIP" }));
        Assert.Equal(["vip"], (await Crm.Customers.GetAsync(foo.Id)).Tags);
        Assert.Equal(enterprise.Id, (await Crm.Pipelines.FindByNameAsync("enterprise"))?.Id);
    }

    private async Task<CustomerId[]> FindAsync(CustomerFilter filter)
    {
        var ids = new List<CustomerId>();
        await foreach (var customer in Crm.Customers.StreamAsync(filter))
        {
            ids.Add(customer.Id);
        }

        return [.. ids.Order()];
    }

    /// <summary>
    /// Rewrites, through the provider kit, the keys of a customer and a pipeline into the form the previous release wrote
    /// in invariant mode: full-width letters lower-cased but not folded to ASCII (name key and tag, in document and index).
    /// </summary>
    private async Task SeedLegacyKeysAsync(Guid customerId, Guid pipelineId)
    {
        const string LegacyTag = "\uFF56\uFF49\uFF50";
        var store = await Fixture.ReopenStoreAsync(DatabaseName);
        try
        {
            var writes = new List<DocumentWrite>();
            await foreach (var document in store.ExportAsync("customers", CancellationToken.None))
            {
                if (document.Id == customerId)
                {
                    var body = JsonNode.Parse(document.Body)!.AsObject();
                    var tags = body.First(p => string.Equals(p.Key, "tags", StringComparison.OrdinalIgnoreCase)).Key;
                    body[tags] = new JsonArray(LegacyTag);
                    var indexes = document.Indexes.Set("name_key", "\uFF46\uFF4F\uFF4F bar").SetMany("tags", [LegacyTag]);
                    writes.Add(DocumentWrite.Update("customers", document.Id, document.Version, body.ToJsonString(), indexes));
                }
            }

            await foreach (var document in store.ExportAsync("pipelines", CancellationToken.None))
            {
                if (document.Id == pipelineId)
                {
                    var indexes = document.Indexes.Set("name_key", "\uFF45\uFF4E\uFF54\uFF45\uFF52\uFF50\uFF52\uFF49\uFF53\uFF45");
                    writes.Add(DocumentWrite.Update("pipelines", document.Id, document.Version, document.Body, indexes));
                }
            }

            Assert.Equal(2, writes.Count);
            await store.CommitAsync(writes, CancellationToken.None);
        }
        finally
        {
            await Fixture.ReleaseStoreAsync(store);
        }
    }
}
