using System.Text.Json;
using Crm.Sdk.Customers;
using Crm.Sdk.Encryption;
using Crm.Sdk.Interactions;
using Crm.Sdk.Tickets;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;
using Xunit;

namespace Crm.Sdk.Sqlite.Tests.Encryption;

/// <summary>
/// Real database files written by Crm.Sdk 1.0 (commit d42e907, see <c>Data/README.md</c>), opened with this SDK: with field
/// encryption on they keep reading with the default options, <see cref="IEncryptionMaintenance.ReencryptDataAsync"/>
/// brings them to seal version 2 (also when cancelled and resumed) after which only version 2 is read, and data written
/// before encryption was switched on is refused until the host reads it on purpose and re-encrypts it.
/// </summary>
public sealed class LegacyDatabaseUpgradeTests : IDisposable
{
    private const string EncryptedFile = "crm-1.0-encrypted.db";
    private const string PlainFile = "crm-1.0-plain.db";

    /// <summary>The root key the files were written with: id <c>k1</c>, bytes 0x01 to 0x20 (a test key).</summary>
    private static readonly string RootKey = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());

    private static readonly JsonSerializerOptions WebJson = new(JsonSerializerDefaults.Web);

    private readonly string _directory = Directory.CreateTempSubdirectory("crm-legacy-1.0-").FullName;

    // The files were written on 2024-11-04 (a fixed clock); this host runs later.
    private readonly FakeClock _clock = new(Instant.FromUtc(2026, 1, 5, 9, 0), Duration.FromSeconds(1));

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Default_options_read_everything_a_1_0_database_holds()
    {
        var (path, ids) = Copy(EncryptedFile);

        // What 1.0 left: version-1 seals, and no seal at all on records without an encrypted value (purchases, events).
        Assert.Equal(0, Count(path, "SELECT count(*) FROM customers WHERE json_extract(body, '$.sealed') LIKE 'ce2:%'"));
        Assert.Equal(4 + ids.BulkCustomers, Count(path, "SELECT count(*) FROM customers WHERE json_extract(body, '$.sealed') LIKE 'ce1:%'"));
        Assert.Equal(4 + (ids.BulkCustomers + 9) / 10, Count(path, "SELECT count(*) FROM interactions WHERE json_extract(body, '$.sealed') IS NULL"));
        Assert.Equal(2, Count(path, "SELECT count(*) FROM tickets WHERE json_extract(body, '$.sealed') LIKE 'ce1:%'"));

        await using var host = Open(path);
        var crm = host.GetRequiredService<ICrm>();
        await AssertEverythingReadsAsync(crm, ids, legacyNameTokens: true);

        // The name-token upgrade of this release re-indexes the non-ASCII names 1.0 wrote: then one CJK character finds too.
        var upgrades = await host.GetRequiredService<ICrmDataUpgrades>().RunAsync();
        Assert.True(Assert.Single(upgrades, u => u.Upgrade == "customers-name-tokens-text-elements").IsComplete);
        await AssertEverythingReadsAsync(crm, ids, legacyNameTokens: false);
    }

    [Fact]
    public async Task Reencryption_brings_a_1_0_database_to_seal_version_2_and_it_then_reads_with_version_2_only()
    {
        var (path, ids) = Copy(EncryptedFile);
        var now = _clock.GetCurrentInstant();
        await using (var host = Open(path))
        {
            var maintenance = host.GetRequiredService<IEncryptionMaintenance>();
            var reports = new List<MaintenanceProgress>();
            var result = await maintenance.ReencryptDataAsync(now, new SyncProgress(reports));

            // Every customer with a key got a new one and its records sealed again; the erased customer's unsealed event
            // was marked erased (one more change).
            Assert.True(result.IsComplete);
            Assert.Equal((4 + ids.BulkCustomers + 1L, 0L, 0L), (result.Changed, result.Unreadable, result.Conflicts));
            Assert.True(result.Examined >= result.Changed);
            Assert.NotEmpty(reports);
            Assert.All(reports, r => Assert.Equal("reencrypt-data", r.Operation));
            Assert.Equal(reports.Select(r => r.Changed).Order(), reports.Select(r => r.Changed));
            Assert.Equal(result.Changed, reports[^1].Changed);

            Assert.Equal(0, (await maintenance.ReencryptDataAsync(now)).Changed);
        }

        AssertOnlySealVersion2(path, ids);
        await using (var host = Open(path, LegacyRecordHandling.Refuse))
        {
            await AssertEverythingReadsAsync(host.GetRequiredService<ICrm>(), ids, legacyNameTokens: false);
            var erasedEvent = await host.GetRequiredService<ICrm>().Interactions.GetAsync(new InteractionId(ids.EveInteractions[1]));
            Assert.True(erasedEvent.IsErased);
            Assert.Equal("page-view", erasedEvent.BehaviourEvent?.Name);
        }
    }

    [Fact]
    public async Task Reencryption_cancelled_after_its_first_batch_finishes_on_the_next_run_and_loses_nothing()
    {
        var (path, ids) = Copy(EncryptedFile);
        var now = _clock.GetCurrentInstant();
        var reports = new List<MaintenanceProgress>();
        await using (var host = Open(path))
        {
            using var stop = new CancellationTokenSource();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
                host.GetRequiredService<IEncryptionMaintenance>().ReencryptDataAsync(now, new SyncProgress(reports, stop.Cancel), stop.Token));
        }

        // What the first batch reported is what the file holds: those customers are in version 2, the rest still in 1.
        var first = Assert.Single(reports);
        var done = Count(path, "SELECT count(*) FROM customers WHERE json_extract(body, '$.sealed') LIKE 'ce2:%'");
        var left = Count(path, "SELECT count(*) FROM customers WHERE json_extract(body, '$.sealed') LIKE 'ce1:%'");
        Assert.Equal(first.Changed, done);
        Assert.True(done > 0 && left > 0, $"{done} customers re-encrypted and {left} left: the run was meant to stop half-way.");
        Assert.Equal(4 + ids.BulkCustomers, done + left);

        await using (var host = Open(path))
        {
            var result = await host.GetRequiredService<IEncryptionMaintenance>().ReencryptDataAsync(now);
            Assert.True(result.IsComplete);
            Assert.Equal(left + 1, result.Changed);
        }

        AssertOnlySealVersion2(path, ids);
        await using (var host = Open(path, LegacyRecordHandling.Refuse))
        {
            var crm = host.GetRequiredService<ICrm>();
            await AssertEverythingReadsAsync(crm, ids, legacyNameTokens: false);
            var customers = await AllCustomersAsync(crm);
            Assert.Equal(5 + ids.BulkCustomers, customers.Count);
            Assert.Equal(Enumerable.Range(0, ids.BulkCustomers).Select(i => $"B{i:D3}"), customers.Select(c => c.DisplayName).Where(n => n.StartsWith('B')).Order(StringComparer.Ordinal));
            var notes = 0;
            foreach (var customer in customers.Where(c => c.DisplayName.StartsWith('B')))
            {
                foreach (var interaction in (await crm.Interactions.ListAsync(InteractionFilter.ForCustomer(customer.Id), PageRequest.First)).Items)
                {
                    Assert.Equal(customer.Id, interaction.CustomerId);
                    if (interaction.Kind == InteractionKind.Note)
                    {
                        Assert.Equal($"Note {customer.DisplayName[1..]}", interaction.Subject);
                        notes++;
                    }
                    else
                    {
                        Assert.Equal("login", interaction.BehaviourEvent?.Name);
                    }
                }
            }

            Assert.Equal((ids.BulkCustomers + 9) / 10, notes);
        }
    }

    [Fact]
    public async Task Data_written_before_encryption_is_refused_until_read_on_purpose_and_reencrypted()
    {
        var (path, ids) = Copy(PlainFile);
        string[] personal = ["Ada Lovelace", "ada@example.com", "Zoë", "Ünïcødé", "王小明", "wang.xiaoming@example.cn", "Analytical Engines", "St James"];
        Assert.All(personal, text => Assert.Contains(Column(path, "SELECT body FROM customers"), body => body.Contains(text, StringComparison.Ordinal)));

        await using (var host = Open(path))
        {
            var crm = host.GetRequiredService<ICrm>();
            var customer = await Assert.ThrowsAsync<CryptographicIntegrityException>(() => crm.Customers.GetAsync(new CustomerId(ids.Ada)));
            var timeline = await Assert.ThrowsAsync<CryptographicIntegrityException>(() => crm.Interactions.ListAsync(InteractionFilter.ForCustomer(new CustomerId(ids.Ada)), PageRequest.First));
            var ticket = await Assert.ThrowsAsync<CryptographicIntegrityException>(() => crm.Tickets.GetAsync(new TicketId(ids.Ticket)));
            Assert.Equal((CryptographicIntegrityFailure.MissingSeal, "customers", ids.Ada), (customer.Failure, customer.Collection, customer.RecordId));
            Assert.Equal((CryptographicIntegrityFailure.PlaintextValue, "interactions"), (timeline.Failure, timeline.Collection));
            Assert.Contains(timeline.RecordId ?? Guid.Empty, ids.AdaInteractions);
            Assert.Equal((CryptographicIntegrityFailure.MissingSeal, "tickets", ids.Ticket), (ticket.Failure, ticket.Collection, ticket.RecordId));
            Assert.DoesNotContain("Lovelace", customer.Message, StringComparison.Ordinal);
        }

        var now = _clock.GetCurrentInstant();
        await using (var host = Open(path, LegacyRecordHandling.ReadUnsealedRecords))
        {
            var crm = host.GetRequiredService<ICrm>();
            Assert.Equal("Ada Lovelace", (await crm.Customers.GetAsync(new CustomerId(ids.Ada))).DisplayName);
            Assert.Equal("Sorry about that! A replacement gear is on its way.", (await crm.Tickets.GetAsync(new TicketId(ids.Ticket))).Comments[0].Body);
            // Not re-encrypted yet: found by the plain index values they were written with.
            Assert.Equal(ids.Ada, Assert.Single(await crm.Customers.FindByEmailAsync("ada@example.com")).Id.Value);
            Assert.Equal(ids.Wang, Assert.Single(await crm.Customers.FindByPhoneAsync("+86 138 0013 8000")).Id.Value);

            var result = await host.GetRequiredService<IEncryptionMaintenance>().ReencryptDataAsync(now);
            Assert.True(result.IsComplete);
            Assert.Equal((4L, 0L), (result.Changed, result.Unreadable));
        }

        // The rows now hold seals, not the personal text (old pages may linger in SQLite's free list: the rows are checked).
        Assert.All(personal, text => Assert.DoesNotContain(Column(path, "SELECT body FROM customers"), body => body.Contains(text, StringComparison.Ordinal)));
        Assert.DoesNotContain(Column(path, "SELECT body FROM interactions"), body => body.Contains("engine upgrade", StringComparison.Ordinal) || body.Contains("Köln", StringComparison.Ordinal));
        Assert.DoesNotContain(Column(path, "SELECT body FROM tickets"), body => body.Contains("Delivery arrived damaged", StringComparison.Ordinal) || body.Contains("replacement gear", StringComparison.Ordinal));
        Assert.Empty(Column(path, "SELECT value FROM customers__emails WHERE value NOT LIKE 'bi1:k1:%'"));
        Assert.Empty(Column(path, "SELECT value FROM customers__phones WHERE value NOT LIKE 'bi1:k1:%'"));
        Assert.Empty(Column(path, "SELECT name_key FROM customers WHERE name_key IS NOT NULL AND json_extract(body, '$.erased') IS NULL"));
        AssertOnlySealVersion2(path, ids);

        await using (var host = Open(path, LegacyRecordHandling.Refuse))
        {
            await AssertEverythingReadsAsync(host.GetRequiredService<ICrm>(), ids, legacyNameTokens: false);
        }
    }

    /// <summary>What a user of the 1.0 data checks: every customer, interaction, ticket and deal reads as written, lookups find them, the erased customer stays erased.</summary>
    private static async Task AssertEverythingReadsAsync(ICrm crm, FixtureIds ids, bool legacyNameTokens)
    {
        var ada = await crm.Customers.GetAsync(new CustomerId(ids.Ada));
        Assert.Equal(("Ada Lovelace", "Ada", "Lovelace", "rep-mary"), (ada.DisplayName, ada.PersonName?.GivenName, ada.PersonName?.FamilyName, ada.OwnerId));
        Assert.Equal(("ada@example.com", "work"), (Assert.Single(ada.Emails).Address.Value, Assert.Single(ada.Emails).Label));
        Assert.Equal("+442079460018", Assert.Single(ada.Phones).Number.E164);
        Assert.Equal(("London", "SW1Y 4JH"), (Assert.Single(ada.Addresses).City, Assert.Single(ada.Addresses).PostalCode));
        Assert.Equal("Prefers letters to calls.", Assert.IsType<TextFieldValue>(ada.CustomFields["notes"]).Value);
        Assert.Equal(new[] { "vip" }, ada.Tags);
        Assert.Equal("Zoë Ünïcødé", (await crm.Customers.GetAsync(new CustomerId(ids.Zoe))).DisplayName);
        Assert.Equal("王小明", (await crm.Customers.GetAsync(new CustomerId(ids.Wang))).DisplayName);
        Assert.Equal("Analytical Engines Ltd", (await crm.Customers.GetAsync(new CustomerId(ids.Engines))).DisplayName);

        Assert.Equal(ids.Ada, Assert.Single(await crm.Customers.FindByEmailAsync("ADA@example.com")).Id.Value);
        Assert.Equal(ids.Zoe, Assert.Single(await crm.Customers.FindByEmailAsync("zoe.unicode@example.de")).Id.Value);
        Assert.Equal(ids.Ada, Assert.Single(await crm.Customers.FindByPhoneAsync("020 7946 0018")).Id.Value);
        Assert.Equal(ids.Wang, Assert.Single(await crm.Customers.FindByPhoneAsync("+8613800138000")).Id.Value);
        Assert.Empty(await crm.Customers.FindByEmailAsync("eve@example.com"));
        Assert.Equal(ids.Ada, Assert.Single(await NamedAsync(crm, "lovel")));
        Assert.Equal(ids.Zoe, Assert.Single(await NamedAsync(crm, "ÜNÏ")));
        Assert.Equal(ids.Wang, Assert.Single(await NamedAsync(crm, "王小")));
        // 1.0 indexed name prefixes of two characters or more; a single CJK character is found once re-indexed.
        Assert.Equal(legacyNameTokens ? [] : new[] { ids.Wang }, await NamedAsync(crm, "王"));

        var timeline = (await crm.Interactions.ListAsync(InteractionFilter.ForCustomer(ada.Id), PageRequest.First)).Items.ToDictionary(i => i.Id.Value);
        Assert.Equal(ids.AdaInteractions.Order(), timeline.Keys.Order());
        var email = timeline[ids.AdaInteractions[0]];
        Assert.Equal(("Question about the engine upgrade", "Can it be done before spring?"), (email.Subject, email.Body));
        Assert.Equal(new Participant("Ada Lovelace", "ada@example.com", "from"), Assert.Single(email.Participants));
        Assert.Equal(("page-view", "/pricing"), (timeline[ids.AdaInteractions[1]].BehaviourEvent?.Name, timeline[ids.AdaInteractions[1]].BehaviourEvent?.Properties?["url"]));
        Assert.Equal(("SO-2041", 1_250m), (timeline[ids.AdaInteractions[2]].Transaction?.OrderReference, timeline[ids.AdaInteractions[2]].Transaction?.Amount.Amount));
        Assert.Equal("The crate arrived damaged.", timeline[ids.AdaInteractions[3]].Feedback?.Comment);
        Assert.Equal(("Discovery call about the upgrade", ids.Deal), (timeline[ids.AdaInteractions[4]].Subject, timeline[ids.AdaInteractions[4]].DealId?.Value));
        Assert.Equal(("Replacement gear shipped", ids.Ticket), (timeline[ids.AdaInteractions[5]].Subject, timeline[ids.AdaInteractions[5]].TicketId?.Value));
        Assert.All(timeline.Values, i => Assert.False(i.IsErased));
        var zoeNote = await crm.Interactions.GetAsync(new InteractionId(ids.ZoeNote));
        Assert.Equal(("Grüße aus Köln", "Zoë möchte eine Rückrufnummer."), (zoeNote.Subject, zoeNote.Body));
        Assert.Equal("我的订单在哪里？", (await crm.Interactions.GetAsync(new InteractionId(ids.WangChat))).Subject);
        Assert.Equal("SO-3001", (await crm.Interactions.GetAsync(new InteractionId(ids.EnginesPurchase))).Transaction?.OrderReference);

        var ticket = await crm.Tickets.GetAsync(new TicketId(ids.Ticket));
        Assert.Equal(("Delivery arrived damaged", "The crate of order SO-2041 was split and a gear is bent.", "agent-grace"), (ticket.Subject, ticket.Description, ticket.AssigneeId));
        Assert.Equal(
            new[] { ("Sorry about that! A replacement gear is on its way.", false), ("Carrier claim filed; refund of GBP 150 issued.", true) },
            ticket.Comments.Select(c => (c.Body, c.IsInternal)));
        Assert.Equal((4, "Quick and friendly."), (ticket.Satisfaction?.Rating, ticket.Satisfaction?.Comment));
        Assert.Equal("Engine upgrade", (await crm.Deals.GetAsync(new DealId(ids.Deal))).Name);

        var eve = await crm.Customers.GetAsync(new CustomerId(ids.Eve));
        Assert.True(eve.IsErased);
        Assert.Equal("[erased]", eve.DisplayName);
        Assert.Empty(eve.Emails);
        Assert.Empty(eve.Phones);
        var eveTimeline = (await crm.Interactions.ListAsync(InteractionFilter.ForCustomer(eve.Id), PageRequest.First)).Items.ToDictionary(i => i.Id.Value);
        Assert.Equal(ids.EveInteractions.Order(), eveTimeline.Keys.Order());
        Assert.True(eveTimeline[ids.EveInteractions[0]].IsErased);
        Assert.Null(eveTimeline[ids.EveInteractions[0]].Subject ?? eveTimeline[ids.EveInteractions[0]].Body);
        Assert.Equal("page-view", eveTimeline[ids.EveInteractions[1]].BehaviourEvent?.Name);
        var eveTicket = await crm.Tickets.GetAsync(new TicketId(ids.EveTicket));
        Assert.True(eveTicket.IsErased);
        Assert.DoesNotContain("Eve", eveTicket.Subject + eveTicket.Description, StringComparison.Ordinal);
    }

    private static async Task<Guid[]> NamedAsync(ICrm crm, string prefix) =>
        [.. (await crm.Customers.ListAsync(new CustomerFilter { NamePrefix = prefix }, PageRequest.First)).Items.Select(c => c.Id.Value)];

    private static async Task<List<Customer>> AllCustomersAsync(ICrm crm)
    {
        var all = new List<Customer>();
        var page = await crm.Customers.ListAsync(CustomerFilter.All, new PageRequest(PageSize: 100));
        all.AddRange(page.Items);
        while (page.HasMore)
        {
            page = await crm.Customers.ListAsync(CustomerFilter.All, new PageRequest(PageSize: 100, page.ContinuationToken));
            all.AddRange(page.Items);
        }

        return all;
    }

    /// <summary>
    /// No version-1 seal and no unsealed record is left but the erased customer's: its records sealed in 1.0 keep their
    /// envelopes under its destroyed key (they read as erased), the rest of its records are marked erased.
    /// </summary>
    private static void AssertOnlySealVersion2(string path, FixtureIds ids)
    {
        var eve = ids.Eve.ToString();
        Assert.Equal([ids.Eve], Column(path, "SELECT id FROM customers WHERE coalesce(json_extract(body, '$.sealed'), '') NOT LIKE 'ce2:%'").Select(Guid.Parse));
        foreach (var table in new[] { "interactions", "tickets" })
        {
            Assert.Empty(Column(path, $"SELECT json_extract(body, '$.customerId') FROM {table} WHERE coalesce(json_extract(body, '$.sealed'), '') NOT LIKE 'ce2:%' AND json_extract(body, '$.customerId') <> @eve", ("@eve", eve)));
            Assert.Empty(Column(path, $"SELECT id FROM {table} WHERE json_extract(body, '$.sealed') IS NULL AND json_extract(body, '$.erased') IS NOT 1"));
        }
    }

    private (string Path, FixtureIds Ids) Copy(string file)
    {
        var data = Path.Combine(AppContext.BaseDirectory, "Encryption", "Data");
        var path = Path.Combine(_directory, file);
        File.Copy(Path.Combine(data, file), path);
        var manifest = JsonSerializer.Deserialize<Dictionary<string, FixtureIds>>(File.ReadAllText(Path.Combine(data, "crm-1.0.json")), WebJson)!;
        return (path, manifest[file]);
    }

    /// <summary>Opens the file as a host would, field encryption on (the data upgrades run only when called, so the tests decide when).</summary>
    private ServiceProvider Open(string path, LegacyRecordHandling legacy = LegacyRecordHandling.ReadVersion1Seals)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IClock>(_clock);
        services
            .AddCrm(o =>
            {
                o.DefaultPhoneRegion = "GB";
                o.RunDataUpgradesInBackground = false;
                o.CustomFields.Add(new CustomFieldDefinition("notes", "Notes", CustomFieldType.Text));
            })
            .UseSqlite(path)
            .AddFieldEncryption(e =>
            {
                e.RootKeys.Add(new RootKeyOptions { Id = "k1", Base64Key = RootKey });
                e.LegacyRecords = legacy;
            });
        return services.BuildServiceProvider();
    }

    private static long Count(string path, string sql) => (long)Query(path, sql, [], r => r.GetInt64(0)).Single();

    private static List<string> Column(string path, string sql, params (string Name, object Value)[] parameters) =>
        Query(path, sql, parameters, r => r.GetFieldType(0) == typeof(byte[]) ? new Guid((byte[])r.GetValue(0), bigEndian: true).ToString() : r.GetString(0));

    private static List<T> Query<T>(string path, string sql, (string Name, object Value)[] parameters, Func<SqliteDataReader, T> read)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false, Mode = SqliteOpenMode.ReadOnly }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        var values = new List<T>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            values.Add(read(reader));
        }

        return values;
    }

    /// <summary>The ids the generator recorded for each file (<c>Data/crm-1.0.json</c>).</summary>
    private sealed record FixtureIds(
        Guid Ada, Guid Zoe, Guid Wang, Guid Engines, Guid Eve, Guid Deal, Guid Ticket, Guid EveTicket,
        Guid[] AdaInteractions, Guid ZoeNote, Guid WangChat, Guid EnginesPurchase, Guid[] EveInteractions, int BulkCustomers);

    /// <summary>Records progress as it is reported (synchronously, unlike <see cref="Progress{T}"/>), and can act on the first report.</summary>
    private sealed class SyncProgress(List<MaintenanceProgress> reports, Action? onFirst = null) : IProgress<MaintenanceProgress>
    {
        public void Report(MaintenanceProgress value)
        {
            reports.Add(value);
            if (reports.Count == 1)
            {
                onFirst?.Invoke();
            }
        }
    }
}
