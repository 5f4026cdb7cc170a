using System.Text.Json;
using Crm.Sdk.Customers;
using Crm.Sdk.Interactions;
using Crm.Sdk.Specification.Tests.Crm;
using Crm.Sdk.Sqlite.Tests.Encryption;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;
using Xunit;

namespace Crm.Sdk.Sqlite.Tests.Docs;

/// <summary>
/// The code and the JSON example of docs/articles/subject-access-export.md: the call compiles and runs, and the example
/// document (Docs/subject-export-example.json, written by this test's first run and pretty-printed) follows the schema
/// check of the conformance suite.
/// </summary>
public sealed class SubjectExportSnippetTests
{
    private const string ExampleFile = "Docs/subject-export-example.json";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The article's call: export one customer to a file.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Subject_export_example_from_the_documentation_works()
    {
        using var database = new TestDatabase();
        var services = new ServiceCollection();
        services.AddSingleton<IClock>(new FakeClock(Instant.FromUtc(2026, 3, 2, 9, 30), Duration.FromSeconds(1)));
        services.AddCrm(o => o.DefaultPhoneRegion = "CN").UseSqlite(database.Path).AddAuditTrail();
        await using var provider = services.BuildServiceProvider();
        var crm = provider.GetRequiredService<ICrm>();
        var customer = await crm.Customers.CreateAsync(new CustomerDraft
        {
            Kind = CustomerKind.Person,
            DisplayName = "王芳",
            FamilyName = "王",
            GivenName = "芳",
            Emails = ["wang.fang@example.cn"],
            Phones = ["138 0013 8000"],
            Consents = [new ConsentRecord(ConsentChannel.Email, ConsentStatus.Granted, Instant.FromUtc(2026, 1, 5, 8, 0), "signup-form")],
        });
        await crm.Interactions.CreateAsync(new InteractionDraft
        {
            CustomerId = customer.Id,
            Kind = InteractionKind.Purchase,
            Channel = InteractionChannel.Web,
            Direction = InteractionDirection.Inbound,
            OccurredAt = Instant.FromUtc(2026, 2, 14, 12, 0),
            Transaction = new TransactionDetail("SO-10042", Money.Of(299.00m, "CNY")),
        });
        var path = Path.Combine(Path.GetDirectoryName(database.Path)!, "subject-export.json");

        // <subject-export>
        await using (var file = File.Create(path))
        {
            var result = await crm.Customers.ExportAsync(customer.Id, file);
            Console.WriteLine($"{result.Interactions} interactions, {result.Deals} deals, {result.Tickets} tickets, {result.Bytes} bytes");
        }
        // </subject-export>

        using var document = JsonDocument.Parse(await File.ReadAllBytesAsync(path));
        SubjectExportSchema.Check(document.RootElement);
        Assert.Equal("王芳", document.RootElement.GetProperty("profile").GetProperty("displayName").GetString());
        await File.WriteAllTextAsync(Path.Combine(AppContext.BaseDirectory, "subject-export-example.generated.json"), JsonSerializer.Serialize(document.RootElement, Indented));
    }

    /// <summary>The example shown in the article follows the schema the conformance suite checks.</summary>
    [Fact]
    public void Documented_example_follows_the_schema()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, ExampleFile)));
        SubjectExportSchema.Check(document.RootElement);
    }
}
