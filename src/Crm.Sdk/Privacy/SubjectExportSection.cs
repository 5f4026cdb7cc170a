namespace Crm.Sdk.Privacy;

/// <summary>The parts of a subject access export, in the order they are written.</summary>
public enum SubjectExportSection
{
    /// <summary>The customer's profile, consents included.</summary>
    Profile = 1,

    /// <summary>The customer's interactions, oldest first.</summary>
    Interactions = 2,

    /// <summary>The customer's deals, with their stage histories.</summary>
    Deals = 3,

    /// <summary>The customer's tickets, with their comments and ratings.</summary>
    Tickets = 4,

    /// <summary>The audit entries about the customer and its records (when the audit trail is added).</summary>
    AuditEntries = 5,
}
