namespace Crm.Sdk.Security;

/// <summary>
/// The roles <see cref="AccessControlOptions.Roles"/> starts with; a host may use, change, remove or replace them.
/// </summary>
public static class BuiltInRoles
{
    /// <summary>Everything on every record.</summary>
    public const string Administrator = "administrator";

    /// <summary>The team's customers, interactions, deals and tickets: read, create, update, delete, export; pipelines: all.</summary>
    public const string SalesManager = "sales-manager";

    /// <summary>Own customers, interactions and deals: read, create, update; pipelines: read; own tickets: read and create.</summary>
    public const string SalesRep = "sales-rep";

    /// <summary>Tickets of the team: read, create, update; every customer and interaction: read (interactions: create).</summary>
    public const string ServiceAgent = "service-agent";

    /// <summary>Every record read with personal data masked; the audit trail read and exported.</summary>
    public const string Auditor = "auditor";

    /// <summary>Every record read with personal data masked.</summary>
    public const string ReadOnly = "read-only";

    private static readonly CrmResource[] Data = [CrmResource.Customers, CrmResource.Interactions, CrmResource.Deals, CrmResource.Pipelines, CrmResource.Tickets];

    /// <summary>Creates the built-in roles (a new set each call).</summary>
    /// <returns>The roles by name.</returns>
    public static IDictionary<string, CrmRoleOptions> Create()
    {
        var all = Enum.GetValues<CrmAction>();
        var administrator = new CrmRoleOptions();
        foreach (var resource in Enum.GetValues<CrmResource>())
        {
            administrator.Allow(resource, AccessLevel.All, all);
        }

        CrmAction[] edit = [CrmAction.Read, CrmAction.Create, CrmAction.Update];
        var salesManager = new CrmRoleOptions()
            .Allow(CrmResource.Customers, AccessLevel.Team, [.. edit, CrmAction.Delete, CrmAction.Export, CrmAction.Merge, CrmAction.Import])
            .Allow(CrmResource.Interactions, AccessLevel.Team, [.. edit, CrmAction.Delete, CrmAction.Export])
            .Allow(CrmResource.Deals, AccessLevel.Team, [.. edit, CrmAction.Delete, CrmAction.Export])
            .Allow(CrmResource.Tickets, AccessLevel.Team, CrmAction.Read)
            .Allow(CrmResource.Pipelines, AccessLevel.All, [.. edit, CrmAction.Delete]);
        var salesRep = new CrmRoleOptions()
            .Allow(CrmResource.Customers, AccessLevel.Own, edit)
            .Allow(CrmResource.Interactions, AccessLevel.Own, edit)
            .Allow(CrmResource.Deals, AccessLevel.Own, edit)
            .Allow(CrmResource.Tickets, AccessLevel.Own, CrmAction.Read, CrmAction.Create)
            .Allow(CrmResource.Pipelines, AccessLevel.All, CrmAction.Read);
        var serviceAgent = new CrmRoleOptions()
            .Allow(CrmResource.Tickets, AccessLevel.Team, edit)
            .Allow(CrmResource.Customers, AccessLevel.All, CrmAction.Read)
            .Allow(CrmResource.Interactions, AccessLevel.All, CrmAction.Read, CrmAction.Create);
        var auditor = new CrmRoleOptions { SeesPersonalData = false }
            .Allow(CrmResource.Audit, AccessLevel.All, CrmAction.Read, CrmAction.Export);
        var readOnly = new CrmRoleOptions { SeesPersonalData = false };
        foreach (var resource in Data)
        {
            auditor.Allow(resource, AccessLevel.All, CrmAction.Read);
            readOnly.Allow(resource, AccessLevel.All, CrmAction.Read);
        }

        return new Dictionary<string, CrmRoleOptions>(StringComparer.Ordinal)
        {
            [Administrator] = administrator,
            [SalesManager] = salesManager,
            [SalesRep] = salesRep,
            [ServiceAgent] = serviceAgent,
            [Auditor] = auditor,
            [ReadOnly] = readOnly,
        };
    }
}
