using System.Collections;
using System.Globalization;
using System.Text;
using Crm.Sdk.Audit;
using Crm.Sdk.Customers;
using Crm.Sdk.Deals;
using Crm.Sdk.Duplicates;
using Crm.Sdk.Interactions;
using Crm.Sdk.Pipelines;
using Crm.Sdk.ProviderKit;
using Crm.Sdk.Security;
using Crm.Sdk.Specification.Tests.Storage;
using Crm.Sdk.Testing;
using Crm.Sdk.Tickets;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Xunit;

namespace Crm.Sdk.Specification.Tests.Crm;

/// <summary>
/// Duplicate detection, merge and undo of a merge (issue 13) through <see cref="ICrm.Duplicates"/> on the real database,
/// with access control and the audit trail on: planted duplicates found with explanations, a merge that re-points every
/// record and combines fields, an undo that restores every record and reference (a property over random stores), a
/// refused undo after a later change, a denied merge that writes nothing, and no plaintext blocking key at rest when
/// fields are encrypted (<see cref="EncryptedDuplicateConformanceTests{TFixture}"/>).
/// </summary>
/// <typeparam name="TFixture">The provider's fixture.</typeparam>
public abstract class DuplicateConformanceTests<TFixture>(TFixture fixture) : CrmConformanceTestBase<TFixture>(fixture)
    where TFixture : StoreFixture
{
    private const string Rep = "mia";

    private readonly ActorAccessor _actor = new();

    private int _unique;

    /// <summary>Whether the class runs with field encryption on.</summary>
    protected virtual bool Encrypted => false;

    /// <summary>Robert Smith and Bob Smith (same email), Rob Smyth (phone one digit off, same birth date and postcode), two 王小明 (same phone) are found; the others are not paired.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Planted_duplicates_are_found_with_explanations()
    {
        var robert = await Crm.Customers.CreateAsync(Person("Robert", "Smith", "robert.smith@example.com", "+44 20 7946 0018", new LocalDate(1980, 5, 17), "SW1A 1AA"));
        var bob = await Crm.Customers.CreateAsync(Person("Bob", "Smith", "robert.smith@example.com", null, null, null));
        var rob = await Crm.Customers.CreateAsync(Person("Rob", "Smyth", null, "+44 20 7946 0019", new LocalDate(1980, 5, 17), "sw1a1aa"));
        var wang = await Crm.Customers.CreateAsync(TestDrafts.Customer("王小明") with { Phones = ["+86 138 0013 8000"] });
        var wang2 = await Crm.Customers.CreateAsync(TestDrafts.Customer("王小明") with { Phones = ["+8613800138000"], Emails = ["xiaoming@example.cn"] });
        await Crm.Customers.CreateAsync(Person("Alice", "Jones", "alice@example.com", "+44 20 7946 0500", new LocalDate(1975, 1, 2), "EC1A 1BB"));
        await Crm.Customers.CreateAsync(Person("Carol", "White", "carol@example.com", "+44 20 7946 0600", new LocalDate(1990, 3, 4), "EC1A 1BB"));

        var progress = new List<DuplicateScanProgress>();
        var pairs = await Crm.Duplicates.FindDuplicatesAsync(progress: new SyncProgress<DuplicateScanProgress>(progress.Add)).ToListAsync();

        static (Guid, Guid) Key(CustomerId a, CustomerId b) => a.CompareTo(b) < 0 ? (a.Value, b.Value) : (b.Value, a.Value);
        var found = pairs.ToDictionary(p => Key(p.First, p.Second));
        Assert.Equal(
            new[] { Key(robert.Id, bob.Id), Key(robert.Id, rob.Id), Key(wang.Id, wang2.Id) }.Order().ToArray(),
            found.Keys.Where(k => k != Key(bob.Id, rob.Id)).Order().ToArray());
        Assert.Contains("email equal", found[Key(robert.Id, bob.Id)].Explanation, StringComparison.Ordinal);
        Assert.Contains("given name equal as a nickname", found[Key(robert.Id, bob.Id)].Explanation, StringComparison.Ordinal);
        Assert.DoesNotContain("bob", found[Key(robert.Id, bob.Id)].Explanation, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("phone differs by one digit", found[Key(robert.Id, rob.Id)].Explanation, StringComparison.Ordinal);
        Assert.Contains("birth date equal", found[Key(robert.Id, rob.Id)].Explanation, StringComparison.Ordinal);
        Assert.Contains("name equal", found[Key(wang.Id, wang2.Id)].Explanation, StringComparison.Ordinal);
        Assert.All(pairs, p => Assert.InRange(p.Score, DuplicateDetectionOptions.DefaultThreshold, 1.0));
        Assert.Equal(7, progress[^1].CustomersExamined);

        var incoming = await Crm.Duplicates.FindMatchesAsync(Person("Bobby", "Smith", "ROBERT.SMITH@example.com", null, null, null));
        Assert.Equal(new[] { robert.Id, bob.Id }.Order().ToArray(), incoming.Select(m => m.Customer.Id).Order().ToArray());
        Assert.All(incoming, m => Assert.Contains("email equal", m.Explanation, StringComparison.Ordinal));
        Assert.Empty(await Crm.Duplicates.FindMatchesAsync(Person("Zoe", "Quinn", "zoe@example.com", null, null, null)));
        Assert.Contains(await Crm.Duplicates.FindMatchesAsync(wang.Id), m => m.Customer.Id == wang2.Id);
    }

    /// <summary>
    /// Scale, kept small: 300 customers with 30 planted duplicates (same email, a typo in the family name); the scan finds
    /// every planted pair and compares far fewer pairs than all of them (blocking, not all-pairs). The large run is the
    /// benchmark's job.
    /// </summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task A_scan_compares_few_pairs_and_finds_every_planted_duplicate()
    {
        var random = new Random(13);
        string[] given = ["Ann", "Ben", "Cara", "Dan", "Eve", "Finn", "Gia", "Hal", "Ida", "Jon", "Kay", "Lou"];
        string[] family = ["Lee", "Wu", "Smith", "Jones", "Brown", "Patel", "Khan", "Novak", "Rossi", "Silva", "Kim", "Ito", "Moreau", "Fischer", "Nagy"];
        var uow = Crm.BeginUnitOfWork();
        var planted = new List<(CustomerId, CustomerId)>();
        for (var i = 0; i < 270; i++)
        {
            var g = given[random.Next(given.Length)];
            var f = family[random.Next(family.Length)];
            var original = await uow.CreateCustomerAsync(Person(g, f, $"c{i}@example.com", null, null, $"AB{random.Next(10, 99)} 1CD"));
            if (i % 9 == 0)
            {
                var copy = await uow.CreateCustomerAsync(Person(g, f + "e", $"c{i}@example.com", null, null, null));
                planted.Add(original.Id.CompareTo(copy.Id) < 0 ? (original.Id, copy.Id) : (copy.Id, original.Id));
            }
        }

        await uow.CommitAsync();
        DuplicateScanProgress? last = null;
        var pairs = await Crm.Duplicates.FindDuplicatesAsync(progress: new SyncProgress<DuplicateScanProgress>(p => last = p)).ToListAsync();

        Assert.Equal(30, planted.Count);
        Assert.Subset(pairs.Select(p => (p.First, p.Second)).ToHashSet(), planted.ToHashSet());
        Assert.Equal(300, last!.CustomersExamined);
        Assert.InRange(last.CandidatesCompared, planted.Count, 300L * 299 / 2 / 10);
    }

    /// <summary>A merge re-points every interaction, deal and ticket, keeps both emails and external ids, lets a withdrawal win, deletes the duplicate and is audited.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Merge_repoints_every_record_combines_fields_and_is_audited()
    {
        var pipeline = await Crm.Pipelines.CreateAsync(TestDrafts.Pipeline());
        var survivor = await Crm.Customers.CreateAsync(Person("Robert", "Smith", "robert.smith@example.com", null, null, null) with
        {
            Consents = [new ConsentRecord(ConsentChannel.Email, ConsentStatus.Granted, Instant.FromUtc(2024, 1, 1, 0, 0), "web")],
        });
        var duplicate = await Crm.Customers.CreateAsync(Person("Bob", "Smith", "bob@example.com", "+44 20 7946 0018", null, null) with
        {
            ExternalIds = new Dictionary<string, string> { ["erp"] = "42" },
            Consents = [new ConsentRecord(ConsentChannel.Email, ConsentStatus.Withdrawn, Instant.FromUtc(2023, 1, 1, 0, 0), "call")],
        });
        await Crm.Interactions.CreateAsync(TestDrafts.Interaction(survivor.Id));
        var moved = new[] { await Crm.Interactions.CreateAsync(TestDrafts.Interaction(duplicate.Id)), await Crm.Interactions.CreateAsync(TestDrafts.Interaction(duplicate.Id, InteractionKind.Email)) };
        var deal = await Crm.Deals.CreateAsync(TestDrafts.Deal(duplicate.Id, pipeline));
        var ticket = await Crm.Tickets.CreateAsync(TestDrafts.Ticket(duplicate.Id));

        string[] touched = ["customers", "interactions", "deals", "tickets", "merge_journal"];
        var before = await RawSnapshotAsync(touched);
        var preview = await Crm.Duplicates.PreviewMergeAsync(survivor.Id, duplicate.Id);
        Assert.Equal(before, await RawSnapshotAsync(touched));

        var result = await Crm.Duplicates.MergeAsync(survivor.Id, duplicate.Id);

        Assert.Equal((2, 1, 1), (result.Interactions, result.Deals, result.Tickets));
        Assert.Equal((2L, 1L, 1L), (preview.Interactions, preview.Deals, preview.Tickets));
        Assert.Equal(result.Survivor.Emails.Select(e => e.Address.Normalized), preview.Survivor.Emails.Select(e => e.Address.Normalized));
        Assert.Equal((result.Survivor.DisplayName, result.Survivor.ExternalIds.Count, result.Survivor.Phones.Count), (preview.Survivor.DisplayName, preview.Survivor.ExternalIds.Count, preview.Survivor.Phones.Count));
        await Assert.ThrowsAsync<EntityNotFoundException>(() => Crm.Customers.GetAsync(duplicate.Id));
        var merged = await Crm.Customers.GetAsync(survivor.Id);
        Assert.Equal(["bob@example.com", "robert.smith@example.com"], merged.Emails.Select(e => e.Address.Normalized).Order().ToArray());
        Assert.Equal("robert.smith@example.com", merged.PrimaryEmail?.Normalized);
        Assert.Single(merged.Phones);
        Assert.Equal("Robert Smith", merged.DisplayName);
        Assert.Equal(survivor.Id, (await Crm.Customers.FindByExternalIdAsync("erp", "42"))?.Id);
        Assert.False(merged.HasConsent(ConsentChannel.Email));
        Assert.Equal("merge", merged.Consents[ConsentChannel.Email].Source);
        var timeline = await Crm.Interactions.StreamAsync(InteractionFilter.ForCustomer(survivor.Id)).ToListAsync();
        Assert.Equal(3, timeline.Count);
        Assert.All(moved, m => Assert.Contains(timeline, t => t.Id == m.Id));
        Assert.Equal(survivor.Id, (await Crm.Deals.GetAsync(deal.Id)).CustomerId);
        Assert.Equal(survivor.Id, (await Crm.Tickets.GetAsync(ticket.Id)).CustomerId);

        Assert.Equal("CustomerMerged", (await StoredEventTypesAsync(survivor.Id.Value))[^1]);
        await Crm.Duplicates.UnmergeAsync(result.MergeId);
        Assert.Equal("CustomerUnmerged", (await StoredEventTypesAsync(survivor.Id.Value))[^1]);

        var audit = Services.GetRequiredService<IAuditTrail>();
        foreach (var id in new[] { survivor.Id.Value, duplicate.Id.Value })
        {
            var entries = await audit.StreamAsync(new AuditFilter { RecordId = id }).ToListAsync();
            Assert.Contains(entries, e => e.Action == AuditAction.Merge);
        }
    }

    /// <summary>
    /// Property: over random stores (customers with random fields, interactions, deals and tickets), merging two customers
    /// and undoing the merge leaves every record and every reference as before (content equal; versions move on).
    /// </summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Merge_then_unmerge_leaves_every_record_and_reference_as_before()
    {
        var pipeline = await Crm.Pipelines.CreateAsync(TestDrafts.Pipeline());
        var repointed = 0;
        var runs = 0;
        var property = Prop.ForAll(Arb.From(Gen.Choose(0, int.MaxValue - 1)), seed =>
        {
            var (survivor, duplicate) = SeedRandomStoreAsync(new Random(seed), pipeline).GetAwaiter().GetResult();
            var before = SnapshotAsync().GetAwaiter().GetResult();
            var result = Crm.Duplicates.MergeAsync(survivor, duplicate).GetAwaiter().GetResult();
            var during = SnapshotAsync().GetAwaiter().GetResult();
            Crm.Duplicates.UnmergeAsync(result.MergeId).GetAwaiter().GetResult();
            var after = SnapshotAsync().GetAwaiter().GetResult();
            runs++;
            repointed += result.Interactions + result.Deals + result.Tickets > 0 ? 1 : 0;
            return before.SequenceEqual(after) && !before.SequenceEqual(during);
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(12), property);
        Assert.Equal(12, runs);
        Assert.True(repointed >= 6, $"Only {repointed} of {runs} merges re-pointed a record.");
    }

    /// <summary>An undo after the survivor changed is refused with <see cref="MergeConflictException"/> and writes nothing; after a re-pointed deal changed, too.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Unmerge_after_a_later_change_is_refused_and_writes_nothing()
    {
        var pipeline = await Crm.Pipelines.CreateAsync(TestDrafts.Pipeline());
        var a = await Crm.Customers.CreateAsync(Person("Ann", "Lee", "ann@example.com", null, null, null));
        var b = await Crm.Customers.CreateAsync(Person("Anne", "Lee", "ann@example.com", null, null, null));
        var deal = await Crm.Deals.CreateAsync(TestDrafts.Deal(b.Id, pipeline));
        var merge = await Crm.Duplicates.MergeAsync(a.Id, b.Id);
        var changed = await Crm.Customers.ChangeLifecycleStageAsync(a.Id, LifecycleStage.Customer);
        var before = await SnapshotAsync();

        var error = await Assert.ThrowsAsync<MergeConflictException>(() => Crm.Duplicates.UnmergeAsync(merge.MergeId));

        Assert.Equal((merge.MergeId, "customers", a.Id.Value), (error.MergeId, error.Collection, error.RecordId));
        Assert.Equal(before, await SnapshotAsync());
        Assert.Equal(LifecycleStage.Customer, (await Crm.Customers.GetAsync(a.Id)).LifecycleStage);
        Assert.True(changed.Version > merge.Survivor.Version);

        var c = await Crm.Customers.CreateAsync(Person("Tom", "Wu", "tom@example.com", null, null, null));
        var d = await Crm.Customers.CreateAsync(Person("Thomas", "Wu", "tom@example.com", null, null, null));
        var dealOfD = await Crm.Deals.CreateAsync(TestDrafts.Deal(d.Id, pipeline));
        var second = await Crm.Duplicates.MergeAsync(c.Id, d.Id);
        var loaded = await Crm.Deals.GetAsync(dealOfD.Id);
        loaded.Rename("Renamed after the merge");
        await Crm.Deals.UpdateAsync(loaded);
        var dealError = await Assert.ThrowsAsync<MergeConflictException>(() => Crm.Duplicates.UnmergeAsync(second.MergeId));
        Assert.Equal(("deals", dealOfD.Id.Value), (dealError.Collection, dealError.RecordId));
        await Assert.ThrowsAsync<EntityNotFoundException>(() => Crm.Customers.GetAsync(d.Id));
        Assert.NotEqual(deal.Id, dealOfD.Id);
    }

    /// <summary>An undone merge cannot be undone again; an unknown merge id is not found.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Unmerge_twice_or_of_an_unknown_merge_is_not_found()
    {
        var a = await Crm.Customers.CreateAsync(Person("Ann", "Lee", "ann@example.com", null, null, null));
        var b = await Crm.Customers.CreateAsync(Person("Anne", "Lee", "ann@example.com", null, null, null));
        var merge = await Crm.Duplicates.MergeAsync(a.Id, b.Id);
        await Crm.Duplicates.UnmergeAsync(merge.MergeId);
        await Assert.ThrowsAsync<EntityNotFoundException>(() => Crm.Duplicates.UnmergeAsync(merge.MergeId));
        await Assert.ThrowsAsync<EntityNotFoundException>(() => Crm.Duplicates.UnmergeAsync(Guid.CreateVersion7()));
        var same = await Assert.ThrowsAsync<DomainRuleException>(() => Crm.Duplicates.MergeAsync(a.Id, a.Id));
        Assert.Equal("merge-same-customer", same.Rule);
    }

    /// <summary>A sales rep (no merge permission) is denied a merge of two of their own customers, and nothing is written; a manager may.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Merge_without_permission_is_denied_and_writes_nothing()
    {
        var a = await Crm.Customers.CreateAsync(Person("Ann", "Lee", "ann@example.com", null, null, null) with { OwnerId = Rep });
        var b = await Crm.Customers.CreateAsync(Person("Anne", "Lee", "ann@example.com", null, null, null) with { OwnerId = Rep });
        await Crm.Interactions.CreateAsync(TestDrafts.Interaction(b.Id));
        var before = await SnapshotAsync();

        _actor.Current = new CrmActor(Rep, ["north"], [BuiltInRoles.SalesRep]);
        var denied = await Assert.ThrowsAsync<AccessDeniedException>(() => Crm.Duplicates.MergeAsync(a.Id, b.Id));
        Assert.Equal(CrmAction.Merge, denied.Action);

        _actor.Current = CrmActor.System;
        Assert.Equal(before, await SnapshotAsync());

        _actor.Current = new CrmActor(Rep, ["north"], [BuiltInRoles.SalesManager]);
        var merged = await Crm.Duplicates.MergeAsync(a.Id, b.Id);
        _actor.Current = CrmActor.System;
        Assert.Equal(1, merged.Interactions);
    }

    /// <summary>
    /// At rest, the blocking keys are blind indexes when fields are encrypted (a plaintext key finds nothing) and the
    /// merge journal holds no email in clear; without encryption the key is the normalized value, as the email index is.
    /// </summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Blocking_keys_and_the_merge_journal_are_plaintext_only_without_encryption()
    {
        var a = await Crm.Customers.CreateAsync(Person("Ann", "Lee", "ann.lee@example.com", null, null, null));
        var b = await Crm.Customers.CreateAsync(Person("Anne", "Lee", "ann.lee@example.com", null, null, null));
        Assert.Single(await Crm.Duplicates.FindMatchesAsync(a.Id));
        var merge = await Crm.Duplicates.MergeAsync(a.Id, b.Id);

        var store = await Fixture.ReopenStoreAsync(DatabaseName);
        try
        {
            var byPlainKey = await store.QueryAsync(new DocumentQuery("customers") { Filter = IndexFilter.Equal("match_keys", "e:ann.lee@example.com") }, CancellationToken.None).ToListAsync();
            var journal = await store.GetAsync("merge_journal", merge.MergeId, CancellationToken.None);
            Assert.NotNull(journal);
            Assert.Equal(Encrypted ? 0 : 1, byPlainKey.Count);
            Assert.Equal(!Encrypted, journal.Body.Contains("ann.lee@example.com", StringComparison.Ordinal));
        }
        finally
        {
            await Fixture.ReleaseStoreAsync(store);
        }

        await Crm.Duplicates.UnmergeAsync(merge.MergeId);
        Assert.Equal("ann.lee@example.com", (await Crm.Customers.GetAsync(b.Id)).PrimaryEmail?.Normalized);
    }

    /// <inheritdoc />
    protected override void Configure(CrmOptions options)
    {
        base.Configure(options);
        options.CustomFields.Add(new CustomFieldDefinition("birth_date", "Birth date", CustomFieldType.Date));
    }

    /// <inheritdoc />
    protected override void ConfigureCrm(CrmBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<ICrmActorAccessor>(_actor);
        builder.AddAccessControl(options => options.Teams["north"] = [Rep]);
        builder.AddAuditTrail();
    }

    private static CustomerDraft Person(string given, string family, string? email, string? phone, LocalDate? birth, string? postcode) => new()
    {
        Kind = CustomerKind.Person,
        GivenName = given,
        FamilyName = family,
        Emails = email is null ? [] : [email],
        Phones = phone is null ? [] : [phone],
        Addresses = postcode is null ? [] : [new PostalAddressDraft { Lines = ["1 High Street"], City = "London", PostalCode = postcode, Country = "GB" }],
        CustomFields = birth is { } date ? new Dictionary<string, CustomFieldValue> { ["birth_date"] = CustomFieldValue.Date(date) } : new Dictionary<string, CustomFieldValue>(),
    };

    /// <summary>Creates 2 to 4 customers with random fields and 0 to 3 interactions, deals and tickets each; returns two to merge.</summary>
    private async Task<(CustomerId Survivor, CustomerId Duplicate)> SeedRandomStoreAsync(Random random, Pipeline pipeline)
    {
        var ids = new List<CustomerId>();
        var count = random.Next(2, 5);
        for (var i = 0; i < count; i++)
        {
            var n = Interlocked.Increment(ref _unique);
            var draft = Person(new[] { "Ann", "Bob", "Chen", "Dora" }[random.Next(4)], new[] { "Lee", "Wu", "Smith" }[random.Next(3)], random.Next(2) == 0 ? $"p{n}@example.com" : null, random.Next(2) == 0 ? $"+44 20 7946 {n % 10_000:0000}" : null, random.Next(2) == 0 ? new LocalDate(1980, 1, 1).PlusDays(n) : null, random.Next(2) == 0 ? "SW1A 1AA" : null) with
            {
                Tags = random.Next(2) == 0 ? ["vip"] : [],
                ExternalIds = random.Next(2) == 0 ? new Dictionary<string, string> { ["erp"] = n.ToString(CultureInfo.InvariantCulture) } : new Dictionary<string, string>(),
                Consents = random.Next(2) == 0 ? [new ConsentRecord(ConsentChannel.Email, random.Next(2) == 0 ? ConsentStatus.Granted : ConsentStatus.Withdrawn, Instant.FromUtc(2024, 1, 1, 0, 0) + Duration.FromHours(n), "web")] : [],
                LifecycleStage = (LifecycleStage)random.Next(3),
            };
            var customer = await Crm.Customers.CreateAsync(draft);
            ids.Add(customer.Id);
            for (var k = random.Next(4); k > 0; k--)
            {
                await Crm.Interactions.CreateAsync(TestDrafts.Interaction(customer.Id, InteractionKind.Note, Instant.FromUtc(2025, 1, 1, 0, 0) + Duration.FromMinutes(k)));
            }

            for (var k = random.Next(3); k > 0; k--)
            {
                await Crm.Deals.CreateAsync(TestDrafts.Deal(customer.Id, pipeline, 100m * k));
            }

            for (var k = random.Next(3); k > 0; k--)
            {
                await Crm.Tickets.CreateAsync(TestDrafts.Ticket(customer.Id));
            }
        }

        var survivor = random.Next(ids.Count);
        var duplicate = (survivor + 1 + random.Next(ids.Count - 1)) % ids.Count;
        return (ids[survivor], ids[duplicate]);
    }

    /// <summary>Every customer, interaction, deal and ticket as text (all public properties but the version), in id order.</summary>
    private async Task<List<string>> SnapshotAsync()
    {
        var lines = new List<string>();
        var customers = await Crm.Customers.StreamAsync(CustomerFilter.All).ToListAsync();
        foreach (var customer in customers.OrderBy(c => c.Id))
        {
            lines.Add(Describe(customer));
            lines.AddRange((await Crm.Interactions.StreamAsync(InteractionFilter.ForCustomer(customer.Id)).ToListAsync()).OrderBy(i => i.Id).Select(x => Describe(x)));
        }

        lines.AddRange((await Crm.Deals.StreamAsync(DealFilter.All).ToListAsync()).OrderBy(d => d.Id).Select(x => Describe(x)));
        lines.AddRange((await Crm.Tickets.StreamAsync(TicketFilter.All).ToListAsync()).OrderBy(t => t.Id).Select(x => Describe(x)));
        return lines;
    }

    private static string Describe(object? value) => Describe(value, 0);

    private static string Describe(object? value, int depth)
    {
        if (value is null)
        {
            return "null";
        }

        if (depth > 6)
        {
            return "…";
        }

        var type = value.GetType();
        if (value is string text)
        {
            return "\"" + text + "\"";
        }

        if (value is IDictionary dictionary)
        {
            return "{" + string.Join(", ", dictionary.Keys.Cast<object>().Select(k => Describe(k, depth + 1) + ": " + Describe(dictionary[k], depth + 1)).Order(StringComparer.Ordinal)) + "}";
        }

        if (value is IEnumerable items)
        {
            return "[" + string.Join(", ", items.Cast<object?>().Select(i => Describe(i, depth + 1))) + "]";
        }

        if (type.Namespace?.StartsWith("Crm.Sdk", StringComparison.Ordinal) == true && !type.IsEnum && !type.IsPrimitive && !(type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Id<>)))
        {
            var builder = new StringBuilder(type.Name).Append('{');
            foreach (var property in type.GetProperties().Where(p => p.GetIndexParameters().Length == 0 && p.Name is not "Version" and not "DomainEvents").OrderBy(p => p.Name, StringComparer.Ordinal))
            {
                builder.Append(property.Name).Append('=').Append(Describe(property.GetValue(value), depth + 1)).Append("; ");
            }

            return builder.Append('}').ToString();
        }

        return Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty;
    }

    private sealed class ActorAccessor : ICrmActorAccessor
    {
        public CrmActor? Current { get; set; } = CrmActor.System;
    }

    private sealed class SyncProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
