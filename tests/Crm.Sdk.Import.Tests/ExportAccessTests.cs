using Crm.Sdk.Audit;
using Crm.Sdk.Customers;
using Crm.Sdk.Security;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Crm.Sdk.Import.Tests;

/// <summary>The bulk exporter under access control: it needs the Export permission, writes only what that covers, and is audited.</summary>
public sealed class ExportAccessTests
{
    [Fact]
    public async Task The_exporter_needs_the_export_permission_and_writes_only_the_customers_it_covers()
    {
        var actor = new SwitchableActor();
        await using var host = new ImportHost(b =>
        {
            b.Services.AddSingleton<ICrmActorAccessor>(actor);
            b.AddAccessControl(o => o.Teams["north"] = ["mia", "max"]).AddAuditTrail();
        });
        foreach (var (name, owner) in new[] { ("mine", "mia"), ("teammate", "max"), ("other", "oz") })
        {
            await host.Crm.Customers.CreateAsync(new CustomerDraft { Kind = CustomerKind.Person, DisplayName = name, Emails = [$"{name}@example.com"], OwnerId = owner });
        }

        var mapping = ImportMapping.Parse("""
            {
              "kind": "customers",
              "source": { "format": "csv" },
              "key": { "by": "email", "value": { "column": "email" } },
              "customer": { "displayName": { "column": "name" } }
            }
            """u8);
        var exporter = new CrmExporter(host.Crm);

        actor.Current = new CrmActor("rob", roles: [BuiltInRoles.ReadOnly]);
        var denied = Path.Combine(host.Directory, "denied.csv");
        var error = await Assert.ThrowsAsync<AccessDeniedException>(() => exporter.ExportAsync(mapping, denied));
        Assert.Equal((CrmAction.Export, CrmResource.Customers), (error.Action, error.Resource));
        Assert.False(File.Exists(denied));

        actor.Current = new CrmActor("mia", ["north"], [BuiltInRoles.SalesManager]);
        var path = Path.Combine(host.Directory, "team.csv");
        Assert.Equal(2, await exporter.ExportAsync(mapping, path));
        var text = await File.ReadAllTextAsync(path);
        Assert.Contains("mine@example.com", text, StringComparison.Ordinal);
        Assert.Contains("teammate@example.com", text, StringComparison.Ordinal);
        Assert.DoesNotContain("other@example.com", text, StringComparison.Ordinal);

        actor.Current = new CrmActor("ann", roles: [BuiltInRoles.Auditor]);
        var entries = (await host.Services.GetRequiredService<IAuditTrail>().ListAsync(AuditFilter.All, new PageRequest(100))).Items;
        Assert.Contains(entries, e => (e.ActorId, e.Action, e.Resource, e.Outcome) == ("rob", AuditAction.Export, CrmResource.Customers, AuditOutcome.Denied));
        Assert.Contains(entries, e => (e.ActorId, e.Action, e.Resource, e.Outcome) == ("mia", AuditAction.Export, CrmResource.Customers, AuditOutcome.Succeeded));
    }

    private sealed class SwitchableActor : ICrmActorAccessor
    {
        public CrmActor? Current { get; set; } = CrmActor.System;
    }
}
