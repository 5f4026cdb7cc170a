namespace Crm.Sdk.Customers;

/// <summary>The customer's structured name (person name or company name) changed.</summary>
/// <param name="CustomerId">The customer.</param>
public sealed record CustomerNameDetailsChanged(CustomerId CustomerId) : DomainEvent;
