namespace Crm.Sdk.Customers;

/// <summary>A customer was deleted, together with its interactions, deals and tickets.</summary>
/// <param name="CustomerId">The customer.</param>
public sealed record CustomerDeleted(CustomerId CustomerId) : DomainEvent;
