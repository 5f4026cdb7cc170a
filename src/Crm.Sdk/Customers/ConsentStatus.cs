namespace Crm.Sdk.Customers;

/// <summary>Whether consent for a channel is given.</summary>
public enum ConsentStatus
{
    /// <summary>The customer agreed.</summary>
    Granted,

    /// <summary>The customer withdrew (or refused) consent.</summary>
    Withdrawn,
}
