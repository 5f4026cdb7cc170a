using Crm.Sdk.Customers;
using Crm.Sdk.Duplicates;
using Crm.Sdk.Sqlite.Tests.Encryption;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Crm.Sdk.Sqlite.Tests.Docs;

/// <summary>The code shown in docs/articles/duplicates-and-merge.md, compiled and run.</summary>
public sealed class DuplicatesSnippetTests
{
    /// <summary>Find a match for an incoming row, scan the store, merge and undo, as the article shows.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Duplicates_example_from_the_documentation_works()
    {
        using var database = new TestDatabase();
        var services = new ServiceCollection();

        // <configure>
        services.AddCrm(o => o.CustomFields.Add(new CustomFieldDefinition("birth_date", "Birth date", CustomFieldType.Date))).UseSqlite(database.Path);
        services.Configure<DuplicateDetectionOptions>(o => o.Threshold = DuplicateDetectionOptions.DefaultThreshold); // 0.9, the default
        // </configure>
        await using var provider = services.BuildServiceProvider();
        var crm = provider.GetRequiredService<ICrm>();
        var robert = await crm.Customers.CreateAsync(new CustomerDraft { Kind = CustomerKind.Person, GivenName = "Robert", FamilyName = "Smith", Emails = ["robert.smith@example.com"], Phones = ["+44 20 7946 0018"] });
        var bob = await crm.Customers.CreateAsync(new CustomerDraft { Kind = CustomerKind.Person, GivenName = "Bob", FamilyName = "Smith", Emails = ["bob@example.com"], Phones = ["+44 20 7946 0019"] });
        await crm.Interactions.CreateAsync(Testing.TestDrafts.Interaction(bob.Id));

        // <find-matches>
        var incoming = new CustomerDraft { Kind = CustomerKind.Person, GivenName = "Bobby", FamilyName = "Smith", Emails = ["Robert.Smith@example.com"] };
        foreach (var match in await crm.Duplicates.FindMatchesAsync(incoming))
        {
            Console.WriteLine($"{match.Customer.DisplayName}: {match.Score:0.00} ({match.Explanation})");
            // Robert Smith: 1.00 (email equal, given name bobby = robert (nickname), family name equal)
        }
        // </find-matches>

        // <scan>
        var progress = new Progress<DuplicateScanProgress>(p => Console.WriteLine($"{p.CustomersExamined} examined, {p.PairsFound} pairs"));
        await foreach (var pair in crm.Duplicates.FindDuplicatesAsync(progress: progress))
        {
            Console.WriteLine($"{pair.First} ~ {pair.Second}: {pair.Score:0.00} ({pair.Explanation})");
            // … ~ …: 0.99 (email differs, phone differs by one digit, given name robert = bob (nickname), family name equal)
        }
        // </scan>

        var pairs = await crm.Duplicates.FindDuplicatesAsync().ToListAsync();

        // <merge-undo>
        var merge = await crm.Duplicates.MergeAsync(robert.Id, bob.Id, new MergeOptions { Survivorship = Survivorship.MostComplete });
        Console.WriteLine($"Merged into {merge.Survivor.DisplayName}: {merge.Interactions} interactions re-pointed");

        await crm.Duplicates.UnmergeAsync(merge.MergeId); // both customers and every re-pointed record as before
        // </merge-undo>

        var matches = await crm.Duplicates.FindMatchesAsync(incoming);
        Assert.Equal(robert.Id, Assert.Single(matches).Customer.Id);
        Assert.Contains("email equal", matches[0].Explanation, StringComparison.Ordinal);
        var found = Assert.Single(pairs);
        Assert.Contains("phone differs by one digit", found.Explanation, StringComparison.Ordinal);
        Assert.Equal(1, merge.Interactions);
        Assert.Equal("Bob Smith", (await crm.Customers.GetAsync(bob.Id)).DisplayName);
    }
}
