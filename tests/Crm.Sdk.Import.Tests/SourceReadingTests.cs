using System.Globalization;
using System.Text;
using Crm.Sdk.Customers;
using Crm.Sdk.Interactions;
using Xunit;

namespace Crm.Sdk.Import.Tests;

public sealed class SourceReadingTests
{
    private static ImportMapping Customers(string encoding, string delimiter = ",") => new()
    {
        Kind = ImportKind.Customers,
        Source = new SourceOptions { Encoding = encoding, Delimiter = delimiter },
        Key = new RecordKey { By = RecordKeyKind.ExternalId, Source = "erp", Value = new FieldSource { Column = "编号" } },
        Customer = new Dictionary<string, FieldSource>(StringComparer.Ordinal)
        {
            ["displayName"] = new() { Column = "姓名" },
            ["familyName"] = new() { Column = "姓名", Separator = "", Part = null },
            ["phone"] = new() { Column = "电话" },
        },
    };

    [Theory]
    [InlineData("gb18030")]
    [InlineData("utf-8")]
    [InlineData("utf-16")]
    public async Task Chinese_names_are_read_from_a_file_in_each_encoding(string encodingName)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var encoding = encodingName == "utf-16" ? new UnicodeEncoding(false, true) : Encoding.GetEncoding(encodingName);
        var text = "编号,姓名,电话\n1001,张伟,138 0013 8000\n1002,\"王芳, 上海\",+86 139 0013 9000\n";
        var bytes = encoding.GetPreamble().Concat(encoding.GetBytes(text)).ToArray();
        if (encodingName == "gb18030")
        {
            Assert.NotEqual(Encoding.UTF8.GetBytes(text), bytes);
        }

        await using var host = new ImportHost();
        var mapping = Customers(encodingName);
        mapping.Customer.Remove("familyName");

        var summary = await new CrmImporter(host.Crm).ImportAsync(mapping, host.WriteFile("customers.csv", bytes));

        Assert.Equal((2L, 2L), (summary.Rows, summary.Created));
        var zhang = await host.Crm.Customers.FindByExternalIdAsync("erp", "1001");
        Assert.Equal("张伟", zhang!.DisplayName);
        Assert.Equal("+8613800138000", zhang.Phones[0].Number.E164);
        Assert.Equal("王芳, 上海", (await host.Crm.Customers.FindByExternalIdAsync("erp", "1002"))!.DisplayName);
    }

    [Fact]
    public async Task Semicolon_files_with_decimal_commas_and_day_first_dates_are_read_by_the_mapping_patterns()
    {
        var csv = "Kunde;Datum;Betrag;Art\nK1;03.02.2024 14:30;1.234,50;Kauf\nK1;04.02.2024 09:00;-20,00;Storno\nK2;31.02.2024 10:00;5,00;Kauf\n";
        await using var host = new ImportHost();
        #region mapping-in-code
        var mapping = new ImportMapping
        {
            Kind = ImportKind.Interactions,
            Source = new SourceOptions { Delimiter = ";", TimeZone = "Europe/Berlin" },
            Key = new RecordKey { Source = "shop", Value = new FieldSource { Column = "Kunde" } },
            DefaultCurrency = "EUR",
            Interaction = new Dictionary<string, FieldSource>(StringComparer.Ordinal)
            {
                ["kind"] = new() { Column = "Art", Map = new Dictionary<string, string>(StringComparer.Ordinal) { ["Kauf"] = "purchase", ["Storno"] = "refund" } },
                ["occurredAt"] = new() { Column = "Datum", Format = "dd.MM.uuuu HH:mm" },
                ["orderReference"] = new() { Columns = ["Kunde", "Datum"], Separator = "@" },
                ["amount"] = new() { Column = "Betrag", DecimalComma = true, Absolute = true },
            },
        };
        #endregion
        var report = Path.Combine(host.Directory, "report.jsonl");
        var file = host.WriteFile("umsatz.csv", Encoding.UTF8.GetBytes(csv));

        #region import-call
        var summary = await new CrmImporter(host.Crm).ImportAsync(mapping, file, new ImportOptions { ReportPath = report });
        #endregion

        Assert.Equal((3L, 2L, 1L), (summary.Rows, summary.Created, summary.Rejected));
        var customer = await host.Crm.Customers.FindByExternalIdAsync("shop", "K1");
        var interactions = await host.Crm.Interactions.StreamAsync(InteractionFilter.ForCustomer(customer!.Id)).ToListAsync();
        var purchase = interactions.Single(i => i.Kind == InteractionKind.Purchase);
        Assert.Equal(Money.Of(1234.50m, "EUR"), purchase.Transaction!.Amount);
        Assert.Equal(NodaTime.Instant.FromUtc(2024, 2, 3, 13, 30), purchase.OccurredAt);
        Assert.Equal(Money.Of(20m, "EUR"), interactions.Single(i => i.Kind == InteractionKind.Refund).Transaction!.Amount);
        var rejected = File.ReadLines(report).Single(l => l.Contains("rejected", StringComparison.Ordinal));
        Assert.Contains("\"line\":4", rejected, StringComparison.Ordinal);
        Assert.Contains("interaction.occurredAt", rejected, StringComparison.Ordinal);
        Assert.Null(await host.Crm.Customers.FindByExternalIdAsync("shop", "K2"));
    }

    /// <summary>
    /// A mapping's culture reads its numbers where the process has culture data; a process in globalization-invariant
    /// mode has none, and refuses the culture with an error that says so and what to use instead.
    /// </summary>
    [Fact]
    public async Task A_mapping_culture_reads_numbers_or_is_refused_in_invariant_mode()
    {
        await using var host = new ImportHost();
        var mapping = new ImportMapping
        {
            Kind = ImportKind.Interactions,
            Source = new SourceOptions { Delimiter = ";", Culture = "de-DE" },
            Key = new RecordKey { Source = "shop", Value = new FieldSource { Column = "Kunde" } },
            DefaultCurrency = "EUR",
            Interaction = new Dictionary<string, FieldSource>(StringComparer.Ordinal)
            {
                ["kind"] = new() { Constant = "purchase" },
                ["occurredAt"] = new() { Column = "Datum", Format = "dd.MM.uuuu HH:mm" },
                ["orderReference"] = new() { Columns = ["Kunde", "Datum"], Separator = "@" },
                ["amount"] = new() { Column = "Betrag" },
            },
        };
        var file = host.WriteFile("umsatz.csv", Encoding.UTF8.GetBytes("Kunde;Datum;Betrag\nK1;03.02.2024 14:30;1.234,50\n"));

        if (CultureInfo.GetCultures(CultureTypes.SpecificCultures).Any(c => c.Name == "de-DE"))
        {
            var summary = await new CrmImporter(host.Crm).ImportAsync(mapping, file, new ImportOptions { ReportPath = Path.Combine(host.Directory, "report.jsonl") });
            Assert.True(summary.Created == 1, File.ReadAllText(Path.Combine(host.Directory, "report.jsonl")));
            var customer = await host.Crm.Customers.FindByExternalIdAsync("shop", "K1");
            var purchase = Assert.Single(await host.Crm.Interactions.StreamAsync(InteractionFilter.ForCustomer(customer!.Id)).ToListAsync());
            Assert.Equal(Money.Of(1234.50m, "EUR"), purchase.Transaction!.Amount);
        }
        else
        {
            var error = await Assert.ThrowsAsync<ImportMappingException>(() => new CrmImporter(host.Crm).ImportAsync(mapping, file, new ImportOptions()));
            Assert.Contains("globalization-invariant mode", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Json_lines_rows_are_imported_and_a_broken_line_is_rejected_with_its_line()
    {
        var jsonl = "{\"email\":\"ada@example.com\",\"name\":\"Ada Lovelace\"}\n\n{\"email\":\"grace@example.com\",\"name\":\"Grace Hopper\"}\n{\"email\": broken\n{\"email\":\"not-an-email\",\"name\":\"X\"}\n";
        await using var host = new ImportHost();
        var mapping = new ImportMapping
        {
            Kind = ImportKind.Customers,
            Source = new SourceOptions { Format = SourceFormat.JsonLines },
            Key = new RecordKey { By = RecordKeyKind.Email, Value = new FieldSource { Column = "email", Case = ValueCase.Lower } },
            Customer = new Dictionary<string, FieldSource>(StringComparer.Ordinal)
            {
                ["displayName"] = new() { Column = "name" },
                ["givenName"] = new() { Column = "name", Part = 0 },
                ["familyName"] = new() { Column = "name", Part = -1 },
            },
        };
        var report = Path.Combine(host.Directory, "report.jsonl");

        var summary = await new CrmImporter(host.Crm).ImportAsync(mapping, host.WriteFile("people.jsonl", Encoding.UTF8.GetBytes(jsonl)), new ImportOptions { ReportPath = report });

        Assert.Equal((4L, 2L, 2L), (summary.Rows, summary.Created, summary.Rejected));
        var lines = File.ReadAllLines(report);
        Assert.Contains(lines, l => l.Contains("\"line\":4", StringComparison.Ordinal) && l.Contains("\"rule\":\"json\"", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("\"line\":5", StringComparison.Ordinal) && l.Contains("rejected", StringComparison.Ordinal));
        var grace = (await host.Crm.Customers.FindByEmailAsync("GRACE@example.com")).Single();
        Assert.Equal(("Grace", "Hopper"), (grace.PersonName!.GivenName, grace.PersonName.FamilyName));
    }

    [Fact]
    public async Task On_match_update_only_empty_fields_keeps_what_is_filled_and_fills_what_is_empty()
    {
        await using var host = new ImportHost();
        await host.Crm.Customers.CreateAsync(new CustomerDraft { Kind = CustomerKind.Company, DisplayName = "Ada", CompanyName = "Analytical Engines", ExternalIds = new Dictionary<string, string> { ["erp"] = "7" } });
        var mapping = new ImportMapping
        {
            Kind = ImportKind.Customers,
            OnMatch = MatchPolicy.UpdateEmpty,
            Key = new RecordKey { Source = "erp", Value = new FieldSource { Column = "id" } },
            Customer = new Dictionary<string, FieldSource>(StringComparer.Ordinal)
            {
                ["displayName"] = new() { Column = "name" },
                ["companyName"] = new() { Column = "company" },
                ["email"] = new() { Column = "email" },
            },
        };
        var csv = "id,name,company,email\n7,Ada Lovelace,Babbage & Co,ada@example.com\n";

        var summary = await new CrmImporter(host.Crm).ImportAsync(mapping, host.WriteFile("c.csv", Encoding.UTF8.GetBytes(csv)));

        Assert.Equal(1L, summary.Updated);
        var ada = await host.Crm.Customers.FindByExternalIdAsync("erp", "7");
        Assert.Equal(("Ada", "Analytical Engines", "ada@example.com"), (ada!.DisplayName, ada.CompanyName, ada.PrimaryEmail!.Value));

        mapping.OnMatch = MatchPolicy.Skip;
        var skipped = await new CrmImporter(host.Crm).ImportAsync(mapping, host.WriteFile("c.csv", Encoding.UTF8.GetBytes(csv)));
        Assert.Equal(1L, skipped.Unchanged);
    }

    [Fact]
    public async Task An_interaction_row_that_breaks_a_rule_is_rejected_without_creating_its_customer()
    {
        var tooLong = new string('x', Interaction.MaxSubjectLength + 1);
        var jsonl = "{\"email\":\"ada@example.com\",\"subject\":\"Welcome call\"}\n{\"email\":\"grace@example.com\",\"subject\":\"" + tooLong + "\"}\n";
        await using var host = new ImportHost();
        var mapping = ImportMapping.Parse("""
            {
              "kind": "interactions",
              "source": { "format": "jsonLines" },
              "key": { "by": "email", "value": { "column": "email" } },
              "createCustomers": true,
              "customer": { "kind": { "constant": "person" }, "displayName": { "column": "email" } },
              "interaction": { "kind": { "constant": "call" }, "channel": { "constant": "phone" }, "subject": { "column": "subject" } }
            }
            """u8);

        var summary = await new CrmImporter(host.Crm).ImportAsync(mapping, host.WriteFile("calls.jsonl", Encoding.UTF8.GetBytes(jsonl)), new ImportOptions());

        Assert.Equal((2L, 1L, 1L), (summary.Rows, summary.Created, summary.Rejected));
        var ada = Assert.Single(await host.Crm.Customers.FindByEmailAsync("ada@example.com"));
        Assert.Equal("Welcome call", Assert.Single(await host.Crm.Interactions.StreamAsync(InteractionFilter.ForCustomer(ada.Id)).ToListAsync()).Subject);
        Assert.Empty(await host.Crm.Customers.FindByEmailAsync("grace@example.com"));
    }
}
