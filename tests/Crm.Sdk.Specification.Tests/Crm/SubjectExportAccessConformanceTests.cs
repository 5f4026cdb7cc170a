using Crm.Sdk.Audit;
using Crm.Sdk.Security;
using Crm.Sdk.Specification.Tests.Storage;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Crm.Sdk.Specification.Tests.Crm;

/// <summary>
/// The subject access export with access control and the audit trail on: it needs export on every resource it holds; a
/// denied actor gets nothing on the stream and no export is recorded (only the denial); an allowed export is recorded
/// as one <see cref="AuditAction.Export"/> entry, and the document holds the audit entries about the customer's records.
/// </summary>
/// <typeparam name="TFixture">The provider's fixture.</typeparam>
public abstract class SubjectExportAccessConformanceTests<TFixture>(TFixture fixture) : SubjectExportConformanceTests<TFixture>(fixture)
    where TFixture : StoreFixture
{
    private static readonly CrmActor Administrator = new("root", roles: [BuiltInRoles.Administrator]);

    private readonly SwitchableActor _actor = new();

    private IAuditTrail Audit => Services.GetRequiredService<IAuditTrail>();

    /// <summary>
    /// A sales rep (no export), the owner's sales manager (no export on tickets) and an actor with no role are denied:
    /// nothing is written to the stream, no export is recorded, and each denial is an audit entry of its own.
    /// </summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Denied_actor_writes_nothing_and_no_export_is_recorded()
    {
        var (subject, _) = await SeedAsync(Crm);
        _actor.Current = Administrator;
        var before = await EntriesAsync();

        foreach (var actor in new[]
        {
            new CrmActor("u-1", roles: [BuiltInRoles.SalesRep]),
            new CrmActor("u-9", teamIds: ["north"], roles: [BuiltInRoles.SalesManager]),
            new CrmActor("nobody"),
        })
        {
            _actor.Current = actor;
            using var stream = new MemoryStream();
            await Assert.ThrowsAsync<AccessDeniedException>(() => Crm.Customers.ExportAsync(subject.Id, stream));
            Assert.Equal(0, stream.Length);
        }

        _actor.Current = Administrator;
        var added = (await EntriesAsync()).Skip(before.Count).ToList();
        Assert.DoesNotContain(added, e => e.Action == AuditAction.Export && e.Outcome == AuditOutcome.Succeeded);
        Assert.Equal(3, added.Count(e => e.Action == AuditAction.Export && e.Outcome == AuditOutcome.Denied));
        Assert.Equal(["u-1", "u-9", "nobody"], added.Where(e => e.Outcome == AuditOutcome.Denied).Select(e => e.ActorId));
        Assert.True((await Audit.VerifyAsync()).IsIntact);
    }

    /// <summary>
    /// A sales manager allowed export on tickets too exports the customer of its team; the export is one audit entry naming
    /// the customer, and the document holds the entries about the customer and each of its records.
    /// </summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Allowed_export_is_recorded_and_holds_the_audit_entries_about_the_customer()
    {
        var (subject, records) = await SeedAsync(Crm);
        _actor.Current = new CrmActor("u-9", teamIds: ["north"], roles: [BuiltInRoles.SalesManager, "ticket-exporter", BuiltInRoles.Auditor]);

        var (document, text, result) = await ExportAsync(Crm, subject.Id);

        using (document)
        {
            var root = document.RootElement;
            SubjectExportSchema.Check(root);
            Assert.Equal("u-9", root.GetProperty("exportedBy").GetString());
            var entries = root.GetProperty("auditEntries").EnumerateArray().ToList();
            var named = entries.SelectMany(e => e.GetProperty("recordIds").EnumerateArray().Select(i => i.GetGuid())).ToHashSet();
            Assert.Superset(records.Interactions.Concat(records.Deals).Concat(records.Tickets).Append(subject.Id.Value).ToHashSet(), named);
            Assert.Contains(entries, e => e.GetProperty("action").GetString() == "export" && e.GetProperty("actorId").GetString() == "u-9");
            Assert.Equal(entries.Count, entries.Select(e => e.GetProperty("sequence").GetInt64()).Distinct().Count());
            Assert.Equal(result.AuditEntries, entries.Count);
        }

        foreach (var id in records.OtherIds)
        {
            Assert.DoesNotContain(id.ToString(), text, StringComparison.Ordinal);
        }

        _actor.Current = Administrator;
        var exports = (await EntriesAsync()).Where(e => e.Action == AuditAction.Export && e.Resource == CrmResource.Customers).ToList();
        var export = Assert.Single(exports);
        Assert.Equal(("u-9", AuditOutcome.Succeeded), (export.ActorId, export.Outcome));
        Assert.Equal([subject.Id.Value], export.RecordIds);
    }

    /// <inheritdoc />
    protected override void ConfigureCrm(CrmBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<ICrmActorAccessor>(_actor);
        builder.AddAccessControl(o =>
        {
            o.Teams["north"] = ["u-1", "u-9"];
            o.Roles["ticket-exporter"] = new CrmRoleOptions().Allow(CrmResource.Tickets, AccessLevel.Team, CrmAction.Read, CrmAction.Export);
        }).AddAuditTrail();
    }

    private async Task<List<AuditEntry>> EntriesAsync()
    {
        var entries = new List<AuditEntry>();
        foreach (var page in await AllPagesAsync(500, p => Audit.ListAsync(AuditFilter.All, p)))
        {
            entries.AddRange(page.Items);
        }

        return entries;
    }

    private sealed class SwitchableActor : ICrmActorAccessor
    {
        public CrmActor? Current { get; set; } = CrmActor.System;
    }
}
