namespace Crm.Sdk.Audit;

/// <summary>How an audited attempt ended.</summary>
public enum AuditOutcome
{
    /// <summary>The action was allowed and committed.</summary>
    Succeeded = 1,

    /// <summary>The action was denied by access control; nothing else was written.</summary>
    Denied = 2,
}
