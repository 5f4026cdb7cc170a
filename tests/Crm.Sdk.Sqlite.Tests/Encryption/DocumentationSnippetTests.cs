using Crm.Sdk.Customers;
using Crm.Sdk.Deals;
using Crm.Sdk.Encryption;
using Crm.Sdk.Pipelines;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Crm.Sdk.Sqlite.Tests.Encryption;

/// <summary>The code shown in docs/articles/field-encryption.md, compiled and run.</summary>
public sealed class DocumentationSnippetTests
{
    /// <summary>The configuration example: a root key from the environment, one field added and one removed.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Configuration_example_from_the_documentation_works()
    {
        using var database = new TestDatabase();
        Environment.SetEnvironmentVariable("CRM_ROOT_KEY", TestDatabase.NewRootKey());
        Environment.SetEnvironmentVariable("CRM_INDEX_KEY", TestDatabase.NewRootKey());
        var services = new ServiceCollection();
        var path = database.Path;

        // <configure-encryption>
        // The keys come from the environment or a secret store, never from source control:
        //   export CRM_ROOT_KEY="$(openssl rand -base64 32)" CRM_INDEX_KEY="$(openssl rand -base64 32)"
        services.AddCrm()
            .UseSqlite(path)
            .AddFieldEncryption(e =>
            {
                e.RootKeys.Add(new RootKeyOptions { Id = "2025-01", Base64Key = Environment.GetEnvironmentVariable("CRM_ROOT_KEY") });
                e.BlindIndexKeys.Add(new BlindIndexKeyOptions { Id = "idx-2025-01", Base64Key = Environment.GetEnvironmentVariable("CRM_INDEX_KEY") });
                e.LegacyRecords = LegacyRecordHandling.Refuse;                        // a new database: current format only
                e.EncryptedFields.Add(EncryptableField.Names.DealName);               // opt in: deal names
                e.EncryptedFields.Remove(EncryptableField.Names.CustomerTextFields);  // opt out: text custom fields
            });
        // </configure-encryption>

        await using var provider = services.BuildServiceProvider();
        var crm = provider.GetRequiredService<ICrm>();
        var customer = await crm.Customers.CreateAsync(new CustomerDraft { Kind = CustomerKind.Person, GivenName = "Ada", FamilyName = "Lovelace", Emails = ["ada@example.org"] });
        var pipeline = await crm.Pipelines.CreateAsync(new PipelineDraft { Name = "Sales", Stages = [new PipelineStageDraft { Name = "Lead", Probability = 0.1m }, new PipelineStageDraft { Name = "Won", Probability = 1m, Outcome = StageOutcome.ClosedWon }, new PipelineStageDraft { Name = "Lost", Probability = 0m, Outcome = StageOutcome.ClosedLost }] });
        await crm.Deals.CreateAsync(new DealDraft { CustomerId = customer.Id, PipelineId = pipeline.Id, Name = "Analytical engine", Amount = Money.Of(1m, "GBP") });

        Assert.Equal(customer.Id, Assert.Single(await crm.Customers.FindByEmailAsync("ADA@example.org")).Id);
        Assert.Empty(RawFile.FindTexts(database.Path, ["ada@example.org", "Lovelace", "Analytical engine"]));
        Assert.Equal("2025-01", database.Scalar("SELECT root_key_id FROM data_keys"));
    }
}
