using System.Text.Json;
using Crm.Sdk.Customers;
using Crm.Sdk.Encryption;
using Crm.Sdk.Pipelines;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Crm.Sdk.Sqlite.Tests;

/// <summary>
/// The text-key upgrade on real databases written by the previous release (commit 2b64e58, see
/// <c>TestData/LegacyNameKeys/README.md</c>) in ICU mode and in globalization-invariant mode, plain and encrypted:
/// opened with this SDK (in whichever mode this suite runs: CI runs it in both) and upgraded, every customer is found by
/// the searches a user types (<c>foo</c> finds <c>Ｆｏｏ Bar</c>, <c>Renée</c> finds <c>Rene&#x301;e Blanc</c>), by its
/// tags and by its email addresses, and every pipeline by its name, whichever mode wrote the file.
/// </summary>
public sealed class LegacyNameKeyDatabaseTests : IDisposable
{
    private const string RootKeyId = "test-root-key";
    private const string RootKey = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

    private static readonly JsonSerializerOptions WebJson = new(JsonSerializerDefaults.Web);

    private readonly string _directory = Directory.CreateTempSubdirectory("crm-legacy-names-").FullName;
    private readonly List<Record> _records = JsonSerializer.Deserialize<List<Record>>(
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "LegacyNameKeys", "legacy-name-keys.json")),
        WebJson)!;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    /// <summary>What a user types, and the display names it must find (and only those) after the upgrade.</summary>
    public static TheoryData<string, string[]> Searches => new()
    {
        { "foo", ["\uFF26\uFF4F\uFF4F Bar"] },
        { "FOO B", ["\uFF26\uFF4F\uFF4F Bar"] },
        { "ada", ["\uFF21\uFF44\uFF41 Lovelace"] },
        // Accents count: both Renées, written composed and decomposed, are found by either spelling; "renee" finds neither.
        { "Ren\u00E9e", ["Rene\u0301e Blanc", "Ren\u00E9e Noir"] },
        { "RENE\u0301E B", ["Rene\u0301e Blanc"] },
        { "renee", [] },
        { "strasse", ["Stra\u00DFe GmbH"] },
        { "STRASSE", ["Stra\u00DFe GmbH"] },
        { "\u0130stanbul", ["\u0130stanbul Ticaret"] },
        { "\u03C3\u03AF\u03C3\u03C5\u03C6\u03BF\u03C2", ["\u03A3\u038A\u03A3\u03A5\u03A6\u039F\u03A3 Travel"] },
        { "\u5F20\u4F1F", ["\u5F20\u4F1F"] },
        { "plain", ["Plain Customer"] },
    };

    public static TheoryData<string> Files => new() { "names-icu-plain.db", "names-icu-encrypted.db", "names-invariant-plain.db", "names-invariant-encrypted.db" };

    [Theory]
    [MemberData(nameof(Files))]
    public async Task The_upgrade_rewrites_the_customers_whose_keys_changed_and_only_those(string file)
    {
        var path = Copy(file);
        await using var host = Open(path, file);
        var written = _records.First(r => r.File == file).Mode;

        // The defect the upgrade repairs: a file written in invariant mode keyed "Ｆｏｏ Bar" as "ｆｏｏ bar", which "foo" misses.
        Assert.Equal(written == "invariant" ? [] : ["\uFF26\uFF4F\uFF4F Bar"], await Names(host.Crm, new CustomerFilter { NamePrefix = "foo" }));
        var results = await host.Upgrades.RunAsync();

        var customers = Assert.Single(results, r => r.Upgrade == "customers-text-keys-nfkc-casefold");
        var pipelines = Assert.Single(results, r => r.Upgrade == "pipelines-text-keys-nfkc-casefold");
        Assert.Equal(_records.Count(r => r.File == file && r.Kind == "customer"), customers.Examined);
        // Every customer but "Plain Customer" has a non-ASCII name, email or tag; its tag "newsletter" stays as it is.
        Assert.Equal((customers.Examined - 1, 0L, true), (customers.Changed, customers.Kept, customers.IsComplete));
        // "Ｅｎｔｅｒｐｒｉｓｅ" and "Großkunden"; "Retail" keeps its key.
        Assert.Equal((3L, 2L, true), (pipelines.Examined, pipelines.Changed, pipelines.IsComplete));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task After_the_upgrade_every_search_finds_what_it_should(string file)
    {
        var path = Copy(file);
        await using var host = Open(path, file);
        await host.Upgrades.RunAsync();

        foreach (var (typed, expected) in Searches.Select(row => ((string)row[0], (string[])row[1])))
        {
            var found = await Names(host.Crm, new CustomerFilter { NamePrefix = typed });
            Assert.True(expected.Order(StringComparer.Ordinal).SequenceEqual(found), $"{file}: '{typed}' found [{string.Join(", ", found)}]");
        }

        Assert.Equal(["\uFF21\uFF44\uFF41 Lovelace", "\uFF26\uFF4F\uFF4F Bar"], await Names(host.Crm, new CustomerFilter { Tag = "VIP" }));
        Assert.Equal(["\uFF26\uFF4F\uFF4F Bar"], await Names(host.Crm, new CustomerFilter { Tag = "gr\u00F6sse" }));
        Assert.Equal(["Stra\u00DFe GmbH"], await Names(host.Crm, new CustomerFilter { Tag = "Stra\u00DFe" }));
        Assert.Equal(["Rene\u0301e Blanc", "Ren\u00E9e Noir"], await Names(host.Crm, new CustomerFilter { Tag = "CAF\u00C9" }));
        Assert.Equal(["\u03A3\u038A\u03A3\u03A5\u03A6\u039F\u03A3 Travel"], await Names(host.Crm, new CustomerFilter { Tag = "\u03BF\u03B4\u03BF\u03C2" }));

        var foo = Assert.Single(await host.Crm.Customers.FindByEmailAsync("foo@example.com"));
        Assert.Equal(["gr\u00F6sse", "vip"], foo.Tags);
        Assert.Equal("Rene\u0301e Blanc", Assert.Single(await host.Crm.Customers.FindByEmailAsync("REN\u00C9E@example.fr")).DisplayName);
        Assert.Equal("Stra\u00DFe GmbH", Assert.Single(await host.Crm.Customers.FindByEmailAsync("j\u00FCrgen.strasse@example.de")).DisplayName);

        Assert.Equal("\uFF25\uFF4E\uFF54\uFF45\uFF52\uFF50\uFF52\uFF49\uFF53\uFF45", (await host.Crm.Pipelines.FindByNameAsync("enterprise"))?.Name);
        Assert.Equal("Gro\u00DFkunden", (await host.Crm.Pipelines.FindByNameAsync("GROSSKUNDEN"))?.Name);
        var gross = await host.Crm.Pipelines.ListAsync(new PipelineFilter { NamePrefix = "gross" }, PageRequest.First);
        Assert.Equal(["Gro\u00DFkunden"], gross.Items.Select(p => p.Name));
    }

    private static async Task<string[]> Names(ICrm crm, CustomerFilter filter)
    {
        var names = new List<string>();
        await foreach (var customer in crm.Customers.StreamAsync(filter))
        {
            names.Add(customer.DisplayName);
        }

        return [.. names.Order(StringComparer.Ordinal)];
    }

    private string Copy(string file)
    {
        var path = Path.Combine(_directory, file);
        File.Copy(Path.Combine(AppContext.BaseDirectory, "TestData", "LegacyNameKeys", file), path);
        return path;
    }

    private static Host Open(string path, string file)
    {
        var services = new ServiceCollection();
        var builder = services.AddCrm(o => o.RunDataUpgradesInBackground = false).UseSqlite(path);
        if (file.Contains("encrypted", StringComparison.Ordinal))
        {
            builder.AddFieldEncryption(e =>
            {
                e.RootKeys.Add(new RootKeyOptions { Id = RootKeyId, Base64Key = RootKey });
                e.EncryptedFields.Add(EncryptableField.Names.CustomerDisplayName);
            });
        }

        return new Host(services.BuildServiceProvider());
    }

    private sealed class Host(ServiceProvider services) : IAsyncDisposable
    {
        public ICrm Crm => services.GetRequiredService<ICrm>();

        public ICrmDataUpgrades Upgrades => services.GetRequiredService<ICrmDataUpgrades>();

        public ValueTask DisposeAsync() => services.DisposeAsync();
    }

    private sealed record Record(string File, string Mode, bool Encrypted, string Kind, Guid Id, string Name, string[] Tags, string[] Emails);
}
