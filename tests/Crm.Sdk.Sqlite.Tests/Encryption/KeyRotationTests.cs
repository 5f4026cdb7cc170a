using Crm.Sdk.Customers;
using Crm.Sdk.Encryption;
using Crm.Sdk.Interactions;
using Crm.Sdk.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Xunit;

namespace Crm.Sdk.Sqlite.Tests.Encryption;

public sealed class KeyRotationTests : IDisposable
{
    private static readonly string KeyA = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());
    private static readonly string KeyB = Convert.ToBase64String(Enumerable.Range(101, 32).Select(i => (byte)i).ToArray());

    private readonly string _directory = Directory.CreateTempSubdirectory("crm-rotation-").FullName;
    private readonly FakeClock _clock = new(Instant.FromUtc(2026, 11, 1, 9, 0), Duration.FromSeconds(1));

    private string DatabasePath => Path.Combine(_directory, "crm.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Root_key_rotation_rewraps_every_data_key_and_the_old_root_key_can_then_be_retired()
    {
        var ids = await SeedAsync(("A", KeyA));

        await using (var both = Open(("B", KeyB), ("A", KeyA)))
        {
            var maintenance = both.GetRequiredService<IEncryptionMaintenance>();
            var reports = new List<MaintenanceProgress>();
            var result = await maintenance.RewrapDataKeysAsync(new SyncProgress(reports));

            Assert.Equal(ids.Count, result.Changed);
            Assert.True(result.IsComplete);
            Assert.NotEmpty(reports);
            Assert.Equal(0, (await maintenance.RewrapDataKeysAsync()).Changed);
        }

        await using var onlyNew = Open(("B", KeyB));
        var crm = onlyNew.GetRequiredService<ICrm>();
        foreach (var id in ids)
        {
            var customer = await crm.Customers.GetAsync(id);
            Assert.StartsWith("Customer ", customer.DisplayName, StringComparison.Ordinal);
            var timeline = await crm.Interactions.ListAsync(InteractionFilter.ForCustomer(id), PageRequest.First);
            Assert.Equal($"Hello {customer.DisplayName}", Assert.Single(timeline.Items).Subject);
        }
    }

    [Fact]
    public async Task Without_rewrapping_the_old_root_key_is_still_needed_to_read()
    {
        var ids = await SeedAsync(("A", KeyA));

        await using var onlyNew = Open(("B", KeyB));
        var crm = onlyNew.GetRequiredService<ICrm>();

        var error = await Assert.ThrowsAsync<CrmConfigurationException>(() => crm.Customers.GetAsync(ids[0]));
        Assert.Contains("'A'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lookups_match_old_or_new_blind_indexes_until_the_refresh_completes()
    {
        var ids = await SeedAsync(("A", KeyA));

        await using (var both = Open(("B", KeyB), ("A", KeyA)))
        {
            var crm = both.GetRequiredService<ICrm>();
            Assert.Single(await crm.Customers.FindByEmailAsync("customer1@example.com"));
            var created = await crm.Customers.CreateAsync(new CustomerDraft { Kind = CustomerKind.Person, DisplayName = "Late Comer", Emails = ["late@example.com"] });
            Assert.Equal(created.Id, Assert.Single(await crm.Customers.FindByEmailAsync("late@example.com")).Id);

            var maintenance = both.GetRequiredService<IEncryptionMaintenance>();
            Assert.Equal(ids.Count, (await maintenance.RefreshBlindIndexesAsync()).Changed);
            Assert.Equal(0, (await maintenance.RefreshBlindIndexesAsync()).Changed);
            Assert.Equal(ids.Count, (await maintenance.RewrapDataKeysAsync()).Changed);
        }

        await using var onlyNew = Open(("B", KeyB));
        var after = onlyNew.GetRequiredService<ICrm>();
        Assert.Equal(ids[1], Assert.Single(await after.Customers.FindByEmailAsync("CUSTOMER1@example.com")).Id);
        Assert.Equal(ids[2], Assert.Single((await after.Customers.ListAsync(new CustomerFilter { NamePrefix = "custo" }, PageRequest.First)).Items, c => c.DisplayName == "Customer 2").Id);
    }

    [Fact]
    public async Task Data_reencryption_gives_every_customer_a_new_key_and_keeps_everything_readable()
    {
        var ids = await SeedAsync(("A", KeyA));
        var before = _clock.GetCurrentInstant();

        await using (var provider = Open(("A", KeyA)))
        {
            var maintenance = provider.GetRequiredService<IEncryptionMaintenance>();
            var reports = new List<MaintenanceProgress>();
            var result = await maintenance.ReencryptDataAsync(before, new SyncProgress(reports));

            Assert.Equal(ids.Count, result.Changed);
            Assert.NotEmpty(reports);
            Assert.Equal(0, (await maintenance.ReencryptDataAsync(before)).Changed);

            var crm = provider.GetRequiredService<ICrm>();
            Assert.Equal(ids[3], Assert.Single(await crm.Customers.FindByEmailAsync("customer3@example.com")).Id);
        }

        await using var reopened = Open(("A", KeyA));
        var again = reopened.GetRequiredService<ICrm>();
        foreach (var id in ids)
        {
            var customer = await again.Customers.GetAsync(id);
            var timeline = await again.Interactions.ListAsync(InteractionFilter.ForCustomer(id), PageRequest.First);
            Assert.Equal($"Hello {customer.DisplayName}", Assert.Single(timeline.Items).Subject);
        }

        Assert.Equal(ids.Count * 2, CountRows("data_keys"));
        Assert.Equal(ids.Count, CountRows("data_keys", "retired = 1"));
    }

    [Fact]
    public async Task Erasure_after_reencryption_destroys_the_retired_key_too()
    {
        var ids = await SeedAsync(("A", KeyA));
        await using var provider = Open(("A", KeyA));
        await provider.GetRequiredService<IEncryptionMaintenance>().ReencryptDataAsync(_clock.GetCurrentInstant());
        var crm = provider.GetRequiredService<ICrm>();

        await crm.Customers.EraseAsync(ids[0]);

        Assert.Equal(2, CountRows("data_keys", $"customer_id = x'{Convert.ToHexString(ids[0].Value.ToByteArray(bigEndian: true))}' AND erased = 1"));
        var timeline = await crm.Interactions.ListAsync(InteractionFilter.ForCustomer(ids[0]), PageRequest.First);
        Assert.True(Assert.Single(timeline.Items).IsErased);
    }

    [Fact]
    public async Task Deleting_a_customer_deletes_its_data_keys_too()
    {
        var ids = await SeedAsync(("A", KeyA));
        await using var provider = Open(("A", KeyA));
        await provider.GetRequiredService<IEncryptionMaintenance>().ReencryptDataAsync(_clock.GetCurrentInstant());
        var crm = provider.GetRequiredService<ICrm>();
        var customerKey = $"customer_id = x'{Convert.ToHexString(ids[0].Value.ToByteArray(bigEndian: true))}'";
        Assert.Equal(2, CountRows("data_keys", customerKey));

        await crm.Customers.DeleteAsync(ids[0]);

        Assert.Equal(0, CountRows("data_keys", customerKey));
        Assert.Equal((ids.Count - 1) * 2, CountRows("data_keys"));
    }

    [Fact]
    public async Task A_cancelled_rotation_stops_and_a_second_run_finishes_the_work()
    {
        var ids = await SeedAsync(("A", KeyA));
        await using var both = Open(("B", KeyB), ("A", KeyA));
        var maintenance = both.GetRequiredService<IEncryptionMaintenance>();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => maintenance.RewrapDataKeysAsync(cancellationToken: cancelled.Token));

        Assert.Equal(ids.Count, (await maintenance.RewrapDataKeysAsync()).Changed);
    }

    private async Task<List<CustomerId>> SeedAsync(params (string Id, string Key)[] keys)
    {
        await using var provider = Open(keys);
        var crm = provider.GetRequiredService<ICrm>();
        var ids = new List<CustomerId>();
        for (var i = 0; i < 5; i++)
        {
            var customer = await crm.Customers.CreateAsync(new CustomerDraft
            {
                Kind = CustomerKind.Person,
                DisplayName = $"Customer {i}",
                Emails = [$"customer{i}@example.com"],
                Phones = [$"+44 20 7946 00{i:D2}"],
            });
            await crm.Interactions.CreateAsync(new InteractionDraft
            {
                CustomerId = customer.Id,
                Kind = InteractionKind.Email,
                Channel = InteractionChannel.Email,
                Direction = InteractionDirection.Outbound,
                Subject = $"Hello {customer.DisplayName}",
            });
            ids.Add(customer.Id);
        }

        return ids;
    }

    private ServiceProvider Open(params (string Id, string Key)[] keys)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IClock>(_clock);
        services.AddCrm().UseSqlite(DatabasePath).AddFieldEncryption(e =>
        {
            foreach (var (id, key) in keys)
            {
                e.RootKeys.Add(new RootKeyOptions { Id = id, Base64Key = key });
            }

            e.CurrentRootKeyId = keys[0].Id;
        });
        return services.BuildServiceProvider();
    }

    private long CountRows(string table, string? where = null)
    {
        using var connection = new SqliteConnection($"Data Source={DatabasePath}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM \"{table}\"" + (where is null ? string.Empty : " WHERE " + where);
        return (long)command.ExecuteScalar()!;
    }

    private sealed class SyncProgress(List<MaintenanceProgress> reports) : IProgress<MaintenanceProgress>
    {
        public void Report(MaintenanceProgress value) => reports.Add(value);
    }
}
