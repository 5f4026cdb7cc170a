namespace Crm.Sdk.Privacy;

/// <summary>What a subject access export wrote.</summary>
/// <param name="CustomerId">The customer exported.</param>
/// <param name="IsErased">Whether the customer's personal data had been erased: the document holds what remains.</param>
/// <param name="Interactions">The interactions written.</param>
/// <param name="Deals">The deals written.</param>
/// <param name="Tickets">The tickets written.</param>
/// <param name="AuditEntries">The audit entries written (0 without the audit trail).</param>
/// <param name="Bytes">The bytes written to the stream.</param>
public sealed record SubjectExportResult(
    Id<Customers.Customer> CustomerId,
    bool IsErased,
    long Interactions,
    long Deals,
    long Tickets,
    long AuditEntries,
    long Bytes);
