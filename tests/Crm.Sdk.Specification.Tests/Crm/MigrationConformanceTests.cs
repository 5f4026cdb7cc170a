using System.Collections;
using System.Globalization;
using System.Reflection;
using Crm.Sdk.Customers;
using Crm.Sdk.Deals;
using Crm.Sdk.Encryption;
using Crm.Sdk.Interactions;
using Crm.Sdk.Migration;
using Crm.Sdk.Pipelines;
using Crm.Sdk.ProviderKit;
using Crm.Sdk.Specification.Tests.Storage;
using Crm.Sdk.Storage;
using Crm.Sdk.Testing;
using Crm.Sdk.Tickets;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Xunit;

namespace Crm.Sdk.Specification.Tests.Crm;

/// <summary>
/// Moving a whole encrypted CRM to the provider under test with <see cref="CrmStoreMigration"/>: afterwards the same
/// <see cref="ICrm"/> API, with the same root key, reads every record identically, finds customers through the copied
/// blind indexes, and accepts updates at the versions callers held before the move; bodies stay ciphertext.
/// </summary>
/// <remarks>
/// The source is, by default, another database of the same provider; a provider's project overrides
/// <see cref="UseSource"/> and <see cref="OpenSourceStoreAsync"/> to migrate from another provider (SQLite to PostgreSQL).
/// </remarks>
/// <typeparam name="TFixture">The fixture of the target provider.</typeparam>
public abstract class MigrationConformanceTests<TFixture> : IClassFixture<TFixture>, IAsyncLifetime
    where TFixture : StoreFixture
{
    /// <summary>The root key of the test CRM (32 bytes, base64); the same on both sides of the migration.</summary>
    protected static readonly string RootKey = Convert.ToBase64String(Enumerable.Range(7, 32).Select(i => (byte)i).ToArray());

    private readonly List<IAsyncDisposable> _disposables = [];

    /// <summary>Creates the test over the target provider's fixture.</summary>
    /// <param name="fixture">The fixture.</param>
    protected MigrationConformanceTests(TFixture fixture)
    {
        Fixture = fixture;
        SourceDatabase = fixture.NewDatabaseName("source");
        TargetDatabase = fixture.NewDatabaseName("target");
    }

    /// <summary>The target provider's fixture.</summary>
    protected TFixture Fixture { get; }

    /// <summary>The database of the source CRM (when the source is the fixture's provider).</summary>
    protected string SourceDatabase { get; }

    /// <summary>The database the CRM is migrated into.</summary>
    protected string TargetDatabase { get; }

    /// <summary>The clock of both CRMs.</summary>
    protected FakeClock Clock { get; } = new(Instant.FromUtc(2025, 6, 2, 9, 0), Duration.FromMilliseconds(1));

    /// <inheritdoc />
    public Task InitializeAsync() => Task.CompletedTask;

    /// <inheritdoc />
    public virtual Task DisposeAsync() => DisposeOpenCrmsAsync();

    /// <summary>Disposes the service providers of every CRM opened so far, closing their databases.</summary>
    /// <returns>A task.</returns>
    protected async Task DisposeOpenCrmsAsync()
    {
        foreach (var disposable in Enumerable.Reverse(_disposables))
        {
            await disposable.DisposeAsync();
        }

        _disposables.Clear();
    }

    /// <summary>An encrypted CRM migrated as a whole reads back identically through the same API and the same root key.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public virtual async Task Migrated_encrypted_crm_reads_every_record_identically()
    {
        var seeded = await SeedSourceAsync();
        var reports = new List<MigrationProgress>();

        var result = await MigrateAsync(new ListProgress(reports));

        var crm = OpenCrm(builder => Fixture.UseProvider(builder, TargetDatabase));
        Assert.Contains("ada@example.com", Describe(seeded.Customers[0]), StringComparison.Ordinal);
        Assert.Contains("gold", Describe(seeded.Customers[0]), StringComparison.Ordinal);
        Assert.Contains("Version=3", Describe(seeded.Customers[0]), StringComparison.Ordinal);
        foreach (var customer in seeded.Customers)
        {
            Assert.Equal(Describe(customer), Describe(await crm.Customers.GetAsync(customer.Id)));
            var timeline = await crm.Interactions.ListAsync(InteractionFilter.ForCustomer(customer.Id), new PageRequest(100));
            Assert.Equal(
                seeded.Interactions.Where(i => i.CustomerId == customer.Id).Select(Describe).Order(StringComparer.Ordinal),
                timeline.Items.Select(Describe).Order(StringComparer.Ordinal));
        }

        foreach (var deal in seeded.Deals)
        {
            Assert.Equal(Describe(deal), Describe(await crm.Deals.GetAsync(deal.Id)));
        }

        foreach (var ticket in seeded.Tickets)
        {
            Assert.Equal(Describe(ticket), Describe(await crm.Tickets.GetAsync(ticket.Id)));
        }

        Assert.Equal(Describe(seeded.Pipeline), Describe(await crm.Pipelines.GetAsync(seeded.Pipeline.Id)));
        Assert.Equal(seeded.Customers.Count, result.CountOf("customers"));
        Assert.Equal(seeded.Customers.Count, result.CountOf("data_keys"));
        Assert.Equal(seeded.Interactions.Count, result.CountOf("interactions"));
        Assert.Equal(seeded.Deals.Count, result.CountOf("deals"));
        Assert.Equal(seeded.Tickets.Count, result.CountOf("tickets"));
        Assert.True(result.CountOf("domain_events") > 0);
        Assert.Equal(result.TotalDocuments, reports[^1].TotalCopied);
        Assert.True(reports.Count > result.Collections.Count, "A batch size of 5 reports more than once per collection.");
        Assert.All(reports, r => Assert.True(r.Copied <= r.Expected, $"{r.Collection}: {r.Copied} of {r.Expected}"));
    }

    /// <summary>Blind indexes move with the documents: find by email, phone, external id and name prefix work on the target.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public virtual async Task Migrated_crm_finds_customers_by_email_phone_external_id_and_name()
    {
        var seeded = await SeedSourceAsync();
        await MigrateAsync();

        var crm = OpenCrm(builder => Fixture.UseProvider(builder, TargetDatabase));
        var ada = seeded.Customers[0];
        Assert.Equal(ada.Id, Assert.Single(await crm.Customers.FindByEmailAsync("ADA@example.com")).Id);
        Assert.Equal(ada.Id, Assert.Single(await crm.Customers.FindByPhoneAsync("+44 20 7946 0100")).Id);
        Assert.Equal(ada.Id, (await crm.Customers.FindByExternalIdAsync("erp", "C-0"))?.Id);
        Assert.Equal(ada.Id, Assert.Single((await crm.Customers.ListAsync(new CustomerFilter { NamePrefix = "ada l" }, PageRequest.First)).Items).Id);
        Assert.Equal(seeded.Customers.Count, (await crm.Customers.ListAsync(CustomerFilter.All, new PageRequest(100))).Items.Count);
    }

    /// <summary>Versions are kept: an object read before the move saves on the target, and a stale one is refused.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public virtual async Task Migrated_crm_keeps_versions_so_updates_with_the_old_version_work()
    {
        var seeded = await SeedSourceAsync();
        var heldBeforeTheMove = seeded.Customers[0];
        Assert.Equal(3, heldBeforeTheMove.Version);
        await MigrateAsync();

        var crm = OpenCrm(builder => Fixture.UseProvider(builder, TargetDatabase));
        heldBeforeTheMove.AddTag("after-the-move");
        await crm.Customers.UpdateAsync(heldBeforeTheMove);

        var stored = await crm.Customers.GetAsync(heldBeforeTheMove.Id);
        Assert.Equal(4, stored.Version);
        Assert.Contains("after-the-move", stored.Tags);
        Assert.Equal("ada@example.com", stored.Emails[0].Address.Value);
        var stale = seeded.Deals[0];
        var moved = await crm.Deals.GetAsync(stale.Id);
        Assert.Equal(stale.Version, moved.Version);
        moved.Rename("Renamed after the move");
        await crm.Deals.UpdateAsync(moved);
        stale.Rename("Stale");
        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => crm.Deals.UpdateAsync(stale));
        Assert.Equal(stale.Version + 1, conflict.ActualVersion);
    }

    /// <summary>Encrypted values are moved as they are: the target's stored bodies hold no plaintext email, phone or name.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public virtual async Task Migrated_bodies_hold_ciphertext_not_plaintext()
    {
        var seeded = await SeedSourceAsync();
        await MigrateAsync();

        var target = await Fixture.ReopenStoreAsync(TargetDatabase);
        try
        {
            foreach (var customer in seeded.Customers)
            {
                var body = (await target.GetAsync("customers", customer.Id.Value, CancellationToken.None))!.Body;
                Assert.DoesNotContain("@example.com", body, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain("2079460", body, StringComparison.Ordinal);
                Assert.DoesNotContain(customer.DisplayName, body, StringComparison.Ordinal);
            }

            var ticket = (await target.GetAsync("tickets", seeded.Tickets[0].Id.Value, CancellationToken.None))!.Body;
            Assert.DoesNotContain("example.com", ticket, StringComparison.OrdinalIgnoreCase);
        }
        finally
        {
            await Fixture.ReleaseStoreAsync(target);
        }
    }

    /// <summary>A target that holds documents is refused with a clear error, and nothing is written to it.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public virtual async Task Migration_into_a_non_empty_target_is_refused()
    {
        await SeedSourceAsync();
        var first = await MigrateAsync();

        var error = await Assert.ThrowsAsync<DomainRuleException>(() => MigrateAsync());

        Assert.Equal("migration-target-not-empty", error.Rule);
        Assert.Contains("customers", error.Message, StringComparison.Ordinal);
        var target = await Fixture.ReopenStoreAsync(TargetDatabase);
        try
        {
            Assert.Equal(first.CountOf("customers"), await target.CountAsync("customers", null, CancellationToken.None));
        }
        finally
        {
            await Fixture.ReleaseStoreAsync(target);
        }
    }

    /// <summary>A cancelled migration stops with <see cref="OperationCanceledException"/>.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public virtual async Task Cancelled_migration_stops()
    {
        await SeedSourceAsync();
        using var cancellation = new CancellationTokenSource();
        var reports = new List<MigrationProgress>();
        var progress = new ListProgress(reports, onReport: _ => cancellation.Cancel());

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => MigrateAsync(progress, cancellation.Token));

        Assert.Single(reports);
    }

    /// <summary>Plugs the source provider into a registration; by default the fixture's provider over <see cref="SourceDatabase"/>.</summary>
    /// <param name="builder">The builder.</param>
    protected virtual void UseSource(CrmBuilder builder) => Fixture.UseProvider(builder, SourceDatabase);

    /// <summary>Opens a store over the seeded source; by default the fixture's provider over <see cref="SourceDatabase"/>.</summary>
    /// <returns>The store; released by the test.</returns>
    protected virtual Task<IDocumentStore> OpenSourceStoreAsync() => Fixture.ReopenStoreAsync(SourceDatabase);

    /// <summary>Releases a store opened by <see cref="OpenSourceStoreAsync"/>.</summary>
    /// <param name="store">The store.</param>
    /// <returns>A task.</returns>
    protected virtual ValueTask ReleaseSourceStoreAsync(IDocumentStore store) => Fixture.ReleaseStoreAsync(store);

    /// <summary>Migrates the source into the target database with a batch size of 5.</summary>
    /// <param name="progress">The progress sink, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the migration.</param>
    /// <returns>The result.</returns>
    protected async Task<MigrationResult> MigrateAsync(IProgress<MigrationProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var source = await OpenSourceStoreAsync();
        var target = await Fixture.ReopenStoreAsync(TargetDatabase);
        try
        {
            return await CrmStoreMigration.CopyAsync(source, target, batchSize: 5, progress, cancellationToken);
        }
        finally
        {
            await Fixture.ReleaseStoreAsync(target);
            await ReleaseSourceStoreAsync(source);
        }
    }

    /// <summary>Opens a CRM with field encryption under <see cref="RootKey"/> over the provider the action plugs.</summary>
    /// <param name="useProvider">Plugs the provider.</param>
    /// <returns>The CRM; its service provider is disposed after the test.</returns>
    protected ICrm OpenCrm(Action<CrmBuilder> useProvider)
    {
        ArgumentNullException.ThrowIfNull(useProvider);
        var services = new ServiceCollection();
        services.AddSingleton<IClock>(Clock);
        var builder = services.AddCrm(o => o.CustomFields.Add(new CustomFieldDefinition("tier", "Tier", CustomFieldType.Choice, choices: ["silver", "gold"])));
        useProvider(builder);
        builder.AddFieldEncryption(e => e.RootKeys.Add(new RootKeyOptions { Id = "migration-test", Base64Key = RootKey }));
        var provider = services.BuildServiceProvider();
        _disposables.Add(provider);
        return provider.GetRequiredService<ICrm>();
    }

    /// <summary>
    /// Fills the source with an encrypted CRM: three customers (the first updated twice, so at version 3) with emails,
    /// phones, external ids, tags and a custom field; interactions of several kinds; a pipeline with two deals; two tickets.
    /// </summary>
    /// <returns>The records as the source CRM returned them.</returns>
    protected async Task<SeededCrm> SeedSourceAsync()
    {
        var crm = OpenCrm(UseSource);
        var customers = new List<Customer>();
        string[] names = ["Ada Lovelace", "Grace Hopper", "Katherine Johnson"];
        for (var i = 0; i < names.Length; i++)
        {
            var first = names[i].Split(' ')[0].ToLowerInvariant();
            customers.Add(await crm.Customers.CreateAsync(new CustomerDraft
            {
                Kind = CustomerKind.Person,
                DisplayName = names[i],
                Emails = [$"{first}@example.com"],
                Phones = [$"+44 20 7946 0{i + 1}00"],
                Tags = ["migrated", $"cohort-{i}"],
                ExternalIds = new Dictionary<string, string> { ["erp"] = $"C-{i}" },
            }));
        }

        customers[0].SetCustomField("tier", CustomFieldValue.Choice("gold"));
        await crm.Customers.UpdateAsync(customers[0]);
        customers[0].ChangeLifecycleStage(LifecycleStage.Customer);
        await crm.Customers.UpdateAsync(customers[0]);

        var interactions = new List<Interaction>();
        foreach (var customer in customers)
        {
            interactions.AddRange(await crm.Interactions.CreateManyAsync(
                [.. new[] { InteractionKind.Email, InteractionKind.Purchase, InteractionKind.Note, InteractionKind.Feedback }.Select(k => TestDrafts.Interaction(customer.Id, k))]));
        }

        var pipeline = await crm.Pipelines.CreateAsync(TestDrafts.Pipeline());
        var deals = new List<Deal>
        {
            await crm.Deals.CreateAsync(TestDrafts.Deal(customers[0].Id, pipeline, 1234.56m)),
            await crm.Deals.CreateAsync(TestDrafts.Deal(customers[1].Id, pipeline, 99.99m, "USD", "Second deal")),
        };
        deals[0] = await crm.Deals.MoveToStageAsync(deals[0].Id, pipeline.Stages[1].Id);

        var tickets = new List<Ticket>
        {
            await crm.Tickets.CreateAsync(TestDrafts.Ticket(customers[0].Id, TicketPriority.High)),
            await crm.Tickets.CreateAsync(TestDrafts.Ticket(customers[2].Id)),
        };
        tickets[0] = await crm.Tickets.AddCommentAsync(tickets[0].Id, "agent-1", "Looking into it for ada@example.com", isInternal: true);

        // Read back, as a caller holding them before the move would.
        var readCustomers = new List<Customer>();
        foreach (var customer in customers)
        {
            readCustomers.Add(await crm.Customers.GetAsync(customer.Id));
        }

        var readInteractions = new List<Interaction>();
        foreach (var interaction in interactions)
        {
            readInteractions.Add(await crm.Interactions.GetAsync(interaction.Id));
        }

        var readDeals = new List<Deal>();
        foreach (var deal in deals)
        {
            readDeals.Add(await crm.Deals.GetAsync(deal.Id));
        }

        var readTickets = new List<Ticket>();
        foreach (var ticket in tickets)
        {
            readTickets.Add(await crm.Tickets.GetAsync(ticket.Id));
        }

        var readPipeline = await crm.Pipelines.GetAsync(pipeline.Id);
        await DisposeOpenCrmsAsync();
        return new SeededCrm(readCustomers, readInteractions, readPipeline, readDeals, readTickets);
    }

    /// <summary>Everything a user reads from a record, as text: its public properties, collections item by item.</summary>
    /// <param name="record">The record.</param>
    /// <returns>The text.</returns>
    protected static string Describe(object record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var properties = record.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.Name != "DomainEvents" && p.GetIndexParameters().Length == 0)
            .OrderBy(p => p.Name, StringComparer.Ordinal);
        return string.Join("\n", properties.Select(p => $"{p.Name}={Format(p.GetValue(record))}"));
    }

    private static string Format(object? value) => value switch
    {
        null => "null",
        string text => text,
        IEnumerable items => "[" + string.Join(", ", items.Cast<object?>().Select(Format).Order(StringComparer.Ordinal)) + "]",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    /// <summary>The records of the seeded source CRM.</summary>
    /// <param name="Customers">The customers.</param>
    /// <param name="Interactions">The interactions.</param>
    /// <param name="Pipeline">The pipeline.</param>
    /// <param name="Deals">The deals.</param>
    /// <param name="Tickets">The tickets.</param>
    protected sealed record SeededCrm(
        IReadOnlyList<Customer> Customers,
        IReadOnlyList<Interaction> Interactions,
        Pipeline Pipeline,
        IReadOnlyList<Deal> Deals,
        IReadOnlyList<Ticket> Tickets);

    private sealed class ListProgress(List<MigrationProgress> reports, Action<MigrationProgress>? onReport = null) : IProgress<MigrationProgress>
    {
        public void Report(MigrationProgress value)
        {
            reports.Add(value);
            onReport?.Invoke(value);
        }
    }
}
