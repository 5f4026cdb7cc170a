namespace Crm.Sdk.Security;

/// <summary>How far a permission reaches, after Dynamics 365's access levels.</summary>
public enum AccessLevel
{
    /// <summary>Nothing: the action is denied.</summary>
    None = 0,

    /// <summary>Records the actor owns (is the owner or assignee of, or whose customer the actor owns).</summary>
    Own = 1,

    /// <summary>Records owned by the actor or by a member of one of the actor's teams.</summary>
    Team = 2,

    /// <summary>Every record.</summary>
    All = 3,
}
