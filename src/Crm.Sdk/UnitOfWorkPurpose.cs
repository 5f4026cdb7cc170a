namespace Crm.Sdk;

/// <summary>Why a unit of work writes: decides the extra permission it needs and what it adds to the audit trail.</summary>
public enum UnitOfWorkPurpose
{
    /// <summary>Ordinary changes: each create needs the <c>Create</c> permission and each update the <c>Update</c> permission.</summary>
    Changes = 0,

    /// <summary>
    /// An import batch: each create and update also needs the <c>Import</c> permission on the same resource and record
    /// owner, and the commit adds one <c>Import</c> audit entry per resource written, naming every record it created or changed.
    /// </summary>
    Import = 1,
}
