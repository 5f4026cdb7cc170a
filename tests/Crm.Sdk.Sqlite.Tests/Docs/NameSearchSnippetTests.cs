using Crm.Sdk.Customers;
using Crm.Sdk.Sqlite.Tests.Encryption;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Crm.Sdk.Sqlite.Tests.Docs;

/// <summary>The code shown in docs/articles/name-search.md, compiled and run (CI runs it with ICU and in invariant mode).</summary>
public sealed class NameSearchSnippetTests
{
    /// <summary>What the article says matches, and what does not.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Name_search_example_from_the_documentation_works()
    {
        using var database = new TestDatabase();
        var services = new ServiceCollection();
        services.AddCrm().UseSqlite(database.Path);
        await using var provider = services.BuildServiceProvider();
        var crm = provider.GetRequiredService<ICrm>();

        // <name-search>
        await crm.Customers.CreateAsync(new CustomerDraft { Kind = CustomerKind.Company, CompanyName = "Ｆｏｏ Bar", Tags = ["ＶＩＰ"] });
        await crm.Customers.CreateAsync(new CustomerDraft { Kind = CustomerKind.Person, DisplayName = "Rene\u0301e Blanc" }); // e + combining acute
        await crm.Customers.CreateAsync(new CustomerDraft { Kind = CustomerKind.Company, CompanyName = "Straße GmbH" });

        var foo = await crm.Customers.ListAsync(new CustomerFilter { NamePrefix = "foo" }, PageRequest.First);      // Ｆｏｏ Bar
        var vip = await crm.Customers.ListAsync(new CustomerFilter { Tag = "vip" }, PageRequest.First);            // Ｆｏｏ Bar (tag "vip")
        var renee = await crm.Customers.ListAsync(new CustomerFilter { NamePrefix = "RENÉE" }, PageRequest.First); // Renée Blanc
        var strasse = await crm.Customers.ListAsync(new CustomerFilter { NamePrefix = "strasse" }, PageRequest.First); // Straße GmbH
        var noAccent = await crm.Customers.ListAsync(new CustomerFilter { NamePrefix = "renee" }, PageRequest.First);  // nothing: accents count
        // </name-search>

        Assert.Equal(["Ｆｏｏ Bar"], foo.Items.Select(c => c.DisplayName));
        Assert.Equal(["Ｆｏｏ Bar"], vip.Items.Select(c => c.DisplayName));
        Assert.Equal(["vip"], vip.Items[0].Tags);
        Assert.Equal(["Rene\u0301e Blanc"], renee.Items.Select(c => c.DisplayName));
        Assert.Equal(["Straße GmbH"], strasse.Items.Select(c => c.DisplayName));
        Assert.Empty(noAccent.Items);
    }
}
