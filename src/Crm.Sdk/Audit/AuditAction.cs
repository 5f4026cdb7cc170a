namespace Crm.Sdk.Audit;

/// <summary>What an audit entry records.</summary>
public enum AuditAction
{
    /// <summary>A record was created.</summary>
    Create = 1,

    /// <summary>A record was changed; <see cref="AuditEntry.Fields"/> names what changed, never the values.</summary>
    Update = 2,

    /// <summary>A record was deleted.</summary>
    Delete = 3,

    /// <summary>A customer's personal data was erased.</summary>
    Erase = 4,

    /// <summary>Duplicates were merged.</summary>
    Merge = 5,

    /// <summary>A batch of records was imported.</summary>
    Import = 6,

    /// <summary>Personal data was read unmasked.</summary>
    Read = 7,

    /// <summary>Records were exported (the audit trail itself included).</summary>
    Export = 8,

    /// <summary>Administration (key maintenance, data upgrades); with <see cref="AuditOutcome.Denied"/>, an attempt to.</summary>
    Administer = 9,

    /// <summary>The oldest audit entries were pruned.</summary>
    Prune = 10,
}
