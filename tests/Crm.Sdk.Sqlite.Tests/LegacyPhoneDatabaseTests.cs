using System.Text.Json;
using Crm.Sdk.Customers;
using Crm.Sdk.Encryption;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Crm.Sdk.Sqlite.Tests;

/// <summary>
/// The phone upgrade on real databases written by the previous release (commit 1da28ec, see
/// <c>TestData/LegacyPhones/README.md</c>): opened with this SDK, every phone the old release stored is still found by what
/// was typed and by its new E.164 form, and the stored forms are libphonenumber's.
/// </summary>
public sealed class LegacyPhoneDatabaseTests : IDisposable
{
    private const string EncryptedFile = "legacy-phones-encrypted.db";
    private const string PlainFile = "legacy-phones-plain.db";

    /// <summary>What each stored phone must read after the upgrade (worked out by hand from the numbering plans).</summary>
    private static readonly Dictionary<(string File, string Raw), string> Expected = new()
    {
        [(EncryptedFile, "+44 (0)20 7946 0958")] = "+442079460958",
        [(EncryptedFile, "0044 (0)161 496 0000")] = "+441614960000",
        [(EncryptedFile, "(+44) 0113 496 0123")] = "+441134960123",
        [(EncryptedFile, "020 7946 0018")] = "+442079460018",
        [(EncryptedFile, "+86 (0)10 6552 9988")] = "+861065529988",
        [(EncryptedFile, "+86 138 0013 8000")] = "+8613800138000",
        [(EncryptedFile, "0086-0755-8888-1234")] = "+8675588881234",
        [(EncryptedFile, "+86\u3000139\u30001234\u30005678")] = "+8613912345678",
        [(EncryptedFile, "+1 (415) 555-0100")] = "+14155550100",
        [(EncryptedFile, "+1.212.555.0199")] = "+12125550199",
        // Too short for the UK plan: libphonenumber refuses it, so it is kept as stored (and still found).
        [(EncryptedFile, "+44 20 7946 09")] = "+4420794609",
        [(EncryptedFile, "+44 (0)7700 900123")] = "+447700900123",
        [(EncryptedFile, "+86 (0)21 6288 1234")] = "+862162881234",
        // The same number as the customer's next phone once normalized: kept as stored rather than duplicated or dropped.
        [(EncryptedFile, "+44 (0)20 7946 0123")] = "+4402079460123",
        [(EncryptedFile, "020 7946 0123")] = "+442079460123",
        // Written while the default calling code was 39: Italian numbers keep their leading 0.
        [(EncryptedFile, "06 6982 1234")] = "+390669821234",
        [(EncryptedFile, "02 1234 5678")] = "+390212345678",
        [(EncryptedFile, "333 123 4567")] = "+393331234567",
        [(PlainFile, "010-6552-9988")] = "+861065529988",
        [(PlainFile, "+86 (0)10 6552 9988")] = "+861065529988",
        [(PlainFile, "13800138000")] = "+8613800138000",
        [(PlainFile, "+44 (0)20 7946 0958")] = "+442079460958",
        [(PlainFile, "(0755) 8888 1234")] = "+8675588881234",
        [(PlainFile, "+86 0755 8888 1234")] = "+8675588881234",
    };

    private static readonly JsonSerializerOptions WebJson = new(JsonSerializerDefaults.Web);

    private readonly string _directory = Directory.CreateTempSubdirectory("crm-legacy-phones-").FullName;
    private readonly Manifest _manifest = JsonSerializer.Deserialize<Manifest>(
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "LegacyPhones", "legacy-phones.json")),
        WebJson)!;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Theory]
    [InlineData(EncryptedFile, true)]
    [InlineData(EncryptedFile, false)]
    [InlineData(PlainFile, true)]
    [InlineData(PlainFile, false)]
    public async Task Every_phone_of_the_old_release_is_found_by_old_and_new_text_after_the_upgrade(string file, bool background)
    {
        var path = Copy(file);
        var phones = _manifest.Phones.Where(p => p.File == file).ToList();
        Assert.Equal(Expected.Keys.Count(k => k.File == file), phones.Count);

        // Before (or while) the upgrade runs, what was typed finds its customer, in the region it was typed in. (Lookups
        // may find more than one customer: the plain file holds the same Beijing and Shenzhen numbers typed two ways by
        // two customers, which the old rules stored differently and libphonenumber recognizes as one number.)
        foreach (var group in phones.GroupBy(p => p.DefaultCountryCallingCode))
        {
            await using var host = Open(path, file, group.Key, background);
            foreach (var phone in group)
            {
                Assert.Contains(phone.CustomerId, (await host.Crm.Customers.FindByPhoneAsync(phone.Raw)).Select(c => c.Id.Value));
            }
        }

        await using (var host = Open(path, file, "GB", background))
        {
            var result = Phones(await host.Upgrades.RunAsync());
            Assert.True(result.IsComplete);
            Assert.Equal(phones.Select(p => p.CustomerId).Distinct().Count(), result.Examined);
            Assert.Equal(phones.Where(p => Expected[(file, p.Raw)] != p.OldE164).Select(p => p.CustomerId).Distinct().Count(), result.Changed);
            Assert.Equal(file == EncryptedFile ? 2 : 0, result.Kept);
        }

        foreach (var group in phones.GroupBy(p => p.DefaultCountryCallingCode))
        {
            await using var host = Open(path, file, group.Key, background);
            foreach (var phone in group)
            {
                var expected = Expected[(file, phone.Raw)];
                var customer = await host.Crm.Customers.GetAsync(new CustomerId(phone.CustomerId));
                Assert.Equal(expected, customer.Phones[phone.PhoneIndex].Number.E164);
                Assert.Equal(phone.Raw, customer.Phones[phone.PhoneIndex].Number.Raw);
                Assert.Equal(phone.Label, customer.Phones[phone.PhoneIndex].Label);
                Assert.Contains(phone.CustomerId, (await host.Crm.Customers.FindByPhoneAsync(phone.Raw)).Select(c => c.Id.Value));
                Assert.Contains(phone.CustomerId, (await host.Crm.Customers.FindByPhoneAsync(expected)).Select(c => c.Id.Value));
            }
        }
    }

    [Fact]
    public async Task An_upgrade_stopped_after_its_first_batch_resumes_after_a_restart_and_finishes()
    {
        var path = Copy(EncryptedFile);
        await using (var host = Open(path, EncryptedFile, "GB", background: false))
        {
            using var stop = new CancellationTokenSource();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => host.Upgrades.RunAsync(4, new Reports([], stop.Cancel), stop.Token));
        }

        await using (var host = Open(path, EncryptedFile, "GB", background: false))
        {
            var reports = new List<DataUpgradeProgress>();
            var result = Phones(await host.Upgrades.RunAsync(4, new Reports(reports, null)));

            Assert.Equal(8, reports[0].Examined);
            Assert.Equal(new DataUpgradeProgress("phones-libphonenumber", 16, 8, 2, true), result);
            foreach (var phone in _manifest.Phones.Where(p => p.File == EncryptedFile && p.DefaultCountryCallingCode == "44"))
            {
                Assert.Equal(phone.CustomerId, Assert.Single(await host.Crm.Customers.FindByPhoneAsync(Expected[(EncryptedFile, phone.Raw)])).Id.Value);
            }
        }
    }

    /// <summary>The phone upgrade's result (the name-key upgrades run too, and change nothing in these files: their texts are ASCII).</summary>
    private static DataUpgradeProgress Phones(IReadOnlyList<DataUpgradeProgress> results)
    {
        // The other upgrades change nothing in these databases, except customers-match-keys, which writes the blocking
        // keys of duplicate detection for every customer of the old release.
        Assert.All(results.Where(r => r.Upgrade is not "phones-libphonenumber" and not "customers-match-keys"), r => Assert.Equal((true, 0L), (r.IsComplete, r.Changed)));
        Assert.True(Assert.Single(results, r => r.Upgrade == "customers-match-keys").IsComplete);
        return Assert.Single(results, r => r.Upgrade == "phones-libphonenumber");
    }

    private string Copy(string file)
    {
        var path = Path.Combine(_directory, file);
        File.Copy(Path.Combine(AppContext.BaseDirectory, "TestData", "LegacyPhones", file), path);
        return path;
    }

    private Host Open(string path, string file, string region, bool background)
    {
        var services = new ServiceCollection();
        var builder = services
            .AddCrm(o =>
            {
                o.DefaultPhoneRegion = region;
                o.RunDataUpgradesInBackground = background;
            })
            .UseSqlite(path);
        if (file == EncryptedFile)
        {
            builder.AddFieldEncryption(e => e.RootKeys.Add(new RootKeyOptions { Id = _manifest.RootKeyId, Base64Key = _manifest.RootKeyBase64 }));
        }

        return new Host(services.BuildServiceProvider());
    }

    private sealed class Host(ServiceProvider services) : IAsyncDisposable
    {
        public ICrm Crm => services.GetRequiredService<ICrm>();

        public ICrmDataUpgrades Upgrades => services.GetRequiredService<ICrmDataUpgrades>();

        public ValueTask DisposeAsync() => services.DisposeAsync();
    }

    private sealed class Reports(List<DataUpgradeProgress> reports, Action? then) : IProgress<DataUpgradeProgress>
    {
        public void Report(DataUpgradeProgress value)
        {
            reports.Add(value);
            then?.Invoke();
        }
    }

    private sealed record Manifest(string RootKeyId, string RootKeyBase64, List<ManifestPhone> Phones);

    private sealed record ManifestPhone(string File, string DefaultCountryCallingCode, Guid CustomerId, int PhoneIndex, string Raw, string? Label, string OldE164);
}
