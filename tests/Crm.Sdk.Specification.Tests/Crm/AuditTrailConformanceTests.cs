using System.Text.Json.Nodes;
using Crm.Sdk.Audit;
using Crm.Sdk.Customers;
using Crm.Sdk.ProviderKit;
using Crm.Sdk.Security;
using Crm.Sdk.Specification.Tests.Storage;
using Crm.Sdk.Testing;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Xunit;

namespace Crm.Sdk.Specification.Tests.Crm;

/// <summary>
/// The audit trail on the real database: every change is recorded in its own transaction and chained; someone with write
/// access to the database changes, deletes, inserts or reorders entries through the provider, and
/// <see cref="IAuditTrail.VerifyAsync"/> names the first bad entry and what happened to it.
/// </summary>
/// <typeparam name="TFixture">The provider's fixture.</typeparam>
public abstract class AuditTrailConformanceTests<TFixture>(TFixture fixture) : CrmConformanceTestBase<TFixture>(fixture)
    where TFixture : StoreFixture
{
    private const string Entries = "audit_entries";
    private const string Name = "Zelda Quartermaine";
    private const string Email = "zelda.quartermaine@example.org";

    private readonly List<AuditChainHead> _anchored = [];

    private IAuditTrail Audit => Services.GetRequiredService<IAuditTrail>();

    /// <summary>A clean chain verifies; each change is one entry with the actor, resource, record and outcome, in order.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Clean_chain_verifies_and_records_every_change()
    {
        var customer = await SeedAsync();

        var entries = await AllAsync(AuditFilter.All);
        var result = await Audit.VerifyAsync();

        Assert.True(result.IsIntact, result.Message);
        Assert.Equal(entries.Count, result.EntriesChecked);
        Assert.Equal(Enumerable.Range(1, entries.Count).Select(i => (long)i), entries.Select(e => e.Sequence));
        Assert.Equal(entries[^1].Hash, result.Head.Hash);
        Assert.Equal(result.Head, _anchored[^1]);
        var mine = entries.Where(e => e.RecordIds.Contains(customer.Id.Value)).ToList();
        Assert.Equal([AuditAction.Create, AuditAction.Update, AuditAction.Update], mine.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal((CrmActor.SystemUserId, AuditOutcome.Succeeded), (e.ActorId, e.Outcome)));
        Assert.Equal(CrmResource.Customers, mine[0].Resource);
        Assert.Contains("CustomerRenamed", mine[1].Fields);
        Assert.Equal(64, entries[0].Hash.Length);
        Assert.Equal(new string('0', 64), entries[0].PreviousHash);
    }

    /// <summary>A batch of creates in one commit is one entry naming every record created.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Batch_of_creates_is_one_entry_naming_every_record()
    {
        var customer = await Crm.Customers.CreateAsync(TestDrafts.Customer("Ada"));
        var created = await Crm.Interactions.CreateManyAsync([.. Enumerable.Range(0, 5).Select(_ => TestDrafts.Interaction(customer.Id))]);

        var entries = (await AllAsync(AuditFilter.All)).Where(e => e.Resource == CrmResource.Interactions).ToList();

        var entry = Assert.Single(entries);
        Assert.Equal(AuditAction.Create, entry.Action);
        Assert.Equal(created.Select(i => i.Id.Value).Order(), entry.RecordIds.Order());
        Assert.Single(await AllAsync(new AuditFilter { RecordId = created[3].Id.Value }));
    }

    /// <summary>An export streams the entries and is itself recorded, first.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Export_is_recorded()
    {
        await SeedAsync();
        var exported = new List<AuditEntry>();
        await foreach (var entry in Audit.StreamAsync(AuditFilter.All))
        {
            exported.Add(entry);
        }

        Assert.Equal(6, exported.Count);
        Assert.Equal((AuditAction.Export, CrmResource.Audit), (exported[^1].Action, exported[^1].Resource));
        Assert.True((await Audit.VerifyAsync()).IsIntact);
    }

    /// <summary>A field of an entry changed in the database: verification names that entry as changed.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Changed_entry_is_named()
    {
        await SeedAsync();
        var target = await EntryAsync(2);
        await TamperRawAsync(Entries, target.Id, d => (WithMember(d.Body, "actorId", "mallory"), d.Indexes));

        var result = await Audit.VerifyAsync();

        Assert.Equal((AuditIntegrityProblem.Changed, 2L), (result.Problem, result.FirstBadSequence));
    }

    /// <summary>An entry's stored hash replaced: verification names that entry as changed.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Replaced_hash_is_named()
    {
        await SeedAsync();
        var target = await EntryAsync(2);
        await TamperRawAsync(Entries, target.Id, d => (WithMember(d.Body, "hash", new string('a', 64)), d.Indexes));

        var result = await Audit.VerifyAsync();

        Assert.Equal((AuditIntegrityProblem.Changed, 2L), (result.Problem, result.FirstBadSequence));
    }

    /// <summary>An entry deleted from the database: verification names it as removed.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Removed_entry_is_named()
    {
        await SeedAsync();
        var target = await EntryAsync(3);
        await WriteRawAsync([DocumentWrite.Delete(Entries, target.Id, 1)]);

        var result = await Audit.VerifyAsync();

        Assert.Equal((AuditIntegrityProblem.Removed, 3L), (result.Problem, result.FirstBadSequence));
    }

    /// <summary>The last entry deleted (the chain ends before its head): verification names it as removed.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Removed_last_entry_is_named()
    {
        await SeedAsync();
        var last = (await AllAsync(AuditFilter.All))[^1];
        await WriteRawAsync([DocumentWrite.Delete(Entries, last.Id, 1)]);

        var result = await Audit.VerifyAsync();

        Assert.Equal((AuditIntegrityProblem.Removed, last.Sequence), (result.Problem, result.FirstBadSequence));
    }

    /// <summary>A copy of an entry inserted under another id: verification names its sequence as inserted.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Inserted_entry_is_named()
    {
        await SeedAsync();
        var original = await ExportRawAsync(Entries, (await EntryAsync(2)).Id);
        await WriteRawAsync([DocumentWrite.Import(Entries, Guid.CreateVersion7(), 1, original.Body, original.Indexes)]);

        var result = await Audit.VerifyAsync();

        Assert.Equal(AuditIntegrityProblem.Inserted, result.Problem);
        Assert.Equal(2L, result.FirstBadSequence);
    }

    /// <summary>An entry appended after the head (a well-formed copy of the last one, renumbered): named as inserted.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Entry_appended_after_the_head_is_named()
    {
        await SeedAsync();
        var last = (await AllAsync(AuditFilter.All))[^1];
        var exported = await ExportRawAsync(Entries, last.Id);
        var forged = WithMember(WithMember(exported.Body, "previousHash", last.Hash), "sequence", last.Sequence + 1);
        await WriteRawAsync([DocumentWrite.Import(Entries, Guid.CreateVersion7(), 1, forged, exported.Indexes.Set("sequence", last.Sequence + 1))]);

        var result = await Audit.VerifyAsync();

        // Not re-hashed by the forger: its own hash fails. Either way the entry after the head is named.
        Assert.NotNull(result.Problem);
        Assert.Equal(last.Sequence + 1, result.FirstBadSequence);
    }

    /// <summary>Two entries swapped in the chain's order: verification names the one out of place as reordered.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Swapped_entries_are_named()
    {
        await SeedAsync();
        var second = await ExportRawAsync(Entries, (await EntryAsync(2)).Id);
        var third = await ExportRawAsync(Entries, (await EntryAsync(3)).Id);
        await WriteRawAsync(
        [
            DocumentWrite.Delete(Entries, second.Id, second.Version),
            DocumentWrite.Delete(Entries, third.Id, third.Version),
            DocumentWrite.Import(Entries, second.Id, second.Version, second.Body, second.Indexes.Set("sequence", 3L)),
            DocumentWrite.Import(Entries, third.Id, third.Version, third.Body, third.Indexes.Set("sequence", 2L)),
        ]);

        var result = await Audit.VerifyAsync();

        Assert.Equal(AuditIntegrityProblem.Reordered, result.Problem);
        Assert.Contains(result.FirstBadSequence!.Value, new long[] { 2, 3 });
    }

    /// <summary>Changes that fail (a concurrency conflict, a validation error) roll back their entries with them.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Rolled_back_change_leaves_no_entry()
    {
        var customer = await SeedAsync();
        var before = await AllAsync(AuditFilter.All);
        var stale = await Crm.Customers.GetAsync(customer.Id);
        var fresh = await Crm.Customers.GetAsync(customer.Id);
        fresh.Rename("Someone Else");
        await Crm.Customers.UpdateAsync(fresh);
        stale.Rename("Too Late");
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Crm.Customers.UpdateAsync(stale));

        await Assert.ThrowsAnyAsync<CrmException>(async () =>
        {
            var uow = Crm.BeginUnitOfWork();
            await uow.CreateCustomerAsync(TestDrafts.Customer("In a failed unit"));
            await uow.CreateInteractionAsync(TestDrafts.Interaction(new Id<Customer>(Guid.CreateVersion7())));
            await uow.CommitAsync();
        });

        var after = await AllAsync(AuditFilter.All);
        Assert.Equal(before.Count + 1, after.Count);
        Assert.True((await Audit.VerifyAsync()).IsIntact);
    }

    /// <summary>No entry holds a personal value: the stored bodies never contain the customer's name or email.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Entries_hold_no_personal_values()
    {
        var customer = await SeedAsync();
        await Crm.Customers.EraseAsync(customer.Id);

        var store = await Fixture.ReopenStoreAsync(DatabaseName);
        try
        {
            var bodies = new List<string>();
            await foreach (var document in store.ExportAsync(Entries, CancellationToken.None))
            {
                bodies.Add(document.Body);
            }

            Assert.NotEmpty(bodies);
            Assert.All(bodies, b => Assert.DoesNotContain("Zelda", b, StringComparison.OrdinalIgnoreCase));
            Assert.All(bodies, b => Assert.DoesNotContain("quartermaine", b, StringComparison.OrdinalIgnoreCase));
        }
        finally
        {
            await Fixture.ReleaseStoreAsync(store);
        }

        var erased = (await AllAsync(new AuditFilter { RecordId = customer.Id.Value })).Where(e => e.Action == AuditAction.Erase);
        Assert.Single(erased);
    }

    /// <summary>The trail is queried by record, by actor and by time range, page by page, oldest first.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Query_by_record_actor_and_time_is_paged()
    {
        var customer = await SeedAsync();
        var all = await AllAsync(AuditFilter.All);

        var pages = await AllPagesAsync(2, p => Audit.ListAsync(AuditFilter.All, p));
        Assert.Equal(all.Select(e => e.Sequence), pages.SelectMany(p => p.Items).Select(e => e.Sequence));
        Assert.True(pages.Count > 1);

        var byRecord = await AllPagesAsync(1, p => Audit.ListAsync(new AuditFilter { RecordId = customer.Id.Value }, p));
        Assert.Equal(3, byRecord.SelectMany(p => p.Items).Count());

        Assert.Equal(all.Count, (await AllAsync(new AuditFilter { ActorId = CrmActor.SystemUserId })).Count);
        Assert.Empty(await AllAsync(new AuditFilter { ActorId = "nobody" }));

        var from = all[1].At;
        var to = all[^1].At;
        var inRange = await AllAsync(new AuditFilter { From = from, To = to });
        Assert.Equal(all.Where(e => e.At >= from && e.At < to).Select(e => e.Sequence), inRange.Select(e => e.Sequence));
    }

    /// <summary>A prune deletes the oldest entries, is itself audited, and leaves a chain that verifies from the prune point.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Prune_keeps_the_chain_verifiable()
    {
        await SeedAsync();
        var all = await AllAsync(AuditFilter.All);

        var pruned = await Audit.PruneAsync(all[2].At);

        var rest = await AllAsync(AuditFilter.All);
        Assert.Equal(2, pruned);
        Assert.Equal(all.Skip(2).Select(e => e.Sequence).Append(all[^1].Sequence + 1), rest.Select(e => e.Sequence));
        Assert.Equal(all.Skip(2).Select(e => e.Hash), rest.Take(all.Count - 2).Select(e => e.Hash));
        Assert.Equal(AuditAction.Prune, rest[^1].Action);
        var result = await Audit.VerifyAsync();
        Assert.True(result.IsIntact, result.Message);

        await WriteRawAsync([DocumentWrite.Delete(Entries, rest[0].Id, 1)]);
        var broken = await Audit.VerifyAsync();
        Assert.Equal((AuditIntegrityProblem.Removed, rest[0].Sequence), (broken.Problem, broken.FirstBadSequence));
    }

    /// <summary>Two independent CRMs over the same database writing at once keep one gap-free chain.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Concurrent_writers_keep_one_chain()
    {
        // Both stores get their schema ready first: the race under test is between commits, not schema set-up.
        var second = OpenSecondCrm();
        await Crm.Customers.CreateAsync(TestDrafts.Customer("First"));
        await second.Customers.CreateAsync(TestDrafts.Customer("Second"));
        await Task.WhenAll(
            Task.Run(async () => { for (var i = 0; i < 10; i++) { await Crm.Customers.CreateAsync(TestDrafts.Customer($"A{i}")); } }),
            Task.Run(async () => { for (var i = 0; i < 10; i++) { await second.Customers.CreateAsync(TestDrafts.Customer($"B{i}")); } }));

        var result = await Audit.VerifyAsync();

        Assert.True(result.IsIntact, result.Message);
        Assert.Equal(22, result.EntriesChecked);
    }

    /// <inheritdoc />
    protected override void ConfigureCrm(CrmBuilder builder) =>
        builder.AddAuditTrail(o =>
        {
            o.ChainHeadInterval = 1;
            o.ChainHeadCallback = h =>
            {
                lock (_anchored)
                {
                    _anchored.Add(h);
                }
            };
        });

    private static string WithMember(string body, string member, object value)
    {
        var json = JsonNode.Parse(body)!.AsObject();
        var key = json.Select(p => p.Key).FirstOrDefault(k => string.Equals(k, member, StringComparison.OrdinalIgnoreCase)) ?? member;
        json[key] = value switch
        {
            long l => JsonValue.Create(l),
            string s when key == "fields" => new JsonArray(JsonValue.Create(s)),
            string s => JsonValue.Create(s),
            _ => throw new ArgumentException("Unsupported value.", nameof(value)),
        };
        return json.ToJsonString();
    }

    // A customer created, renamed and moved along its lifecycle, and a pipeline: five entries.
    private async Task<Customer> SeedAsync()
    {
        var customer = await Crm.Customers.CreateAsync(TestDrafts.Customer(Name) with { Emails = [Email] });
        await Crm.Pipelines.CreateAsync(TestDrafts.Pipeline());
        customer.Rename("Zelda Q. Quartermaine");
        await Crm.Customers.UpdateAsync(customer);
        await Crm.Customers.AssignOwnerAsync(customer.Id, "alice");
        await Crm.Pipelines.CreateAsync(TestDrafts.Pipeline("Renewals"));
        return customer;
    }

    // Lists (not exports: an export is itself an entry) every entry matching the filter.
    private async Task<List<AuditEntry>> AllAsync(AuditFilter filter) =>
        (await AllPagesAsync(50, p => Audit.ListAsync(filter, p))).SelectMany(p => p.Items).ToList();

    private async Task<AuditEntry> EntryAsync(long sequence) => (await AllAsync(AuditFilter.All)).Single(e => e.Sequence == sequence);
}
