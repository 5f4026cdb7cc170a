namespace Crm.Sdk.Security;

/// <summary>What a permission is about.</summary>
public enum CrmResource
{
    /// <summary>Customers: profiles, contacts, custom fields, consents.</summary>
    Customers = 1,

    /// <summary>Interactions: the timeline. They follow their customer's owner.</summary>
    Interactions = 2,

    /// <summary>Deals. They follow their own owner only: an unowned deal is reached at level All alone.</summary>
    Deals = 3,

    /// <summary>Pipelines and their stages (no owner: a level other than none means all).</summary>
    Pipelines = 4,

    /// <summary>Tickets. They follow their assignee only: an unassigned ticket is reached at level All alone.</summary>
    Tickets = 5,

    /// <summary>The audit trail.</summary>
    Audit = 6,
}
