namespace Crm.Sdk.Security;

/// <summary>What an actor does to a resource.</summary>
public enum CrmAction
{
    /// <summary>Read records: get, find, list, stream, search, summaries.</summary>
    Read = 1,

    /// <summary>Create records.</summary>
    Create = 2,

    /// <summary>Change records.</summary>
    Update = 3,

    /// <summary>Delete records.</summary>
    Delete = 4,

    /// <summary>Export records out of the CRM.</summary>
    Export = 5,

    /// <summary>Erase a customer's personal data.</summary>
    Erase = 6,

    /// <summary>Merge duplicates.</summary>
    Merge = 7,

    /// <summary>Import records.</summary>
    Import = 8,

    /// <summary>Administer: key maintenance, data upgrades, audit pruning.</summary>
    Administer = 9,
}
