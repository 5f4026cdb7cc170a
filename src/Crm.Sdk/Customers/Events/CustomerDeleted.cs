using Crm.Sdk.Domain;

namespace Crm.Sdk.Customers.Events;

/// <summary>A customer was deleted, together with its interactions, deals and tickets.</summary>
/// <param name="CustomerId">The customer.</param>
public sealed record CustomerDeleted(CustomerId CustomerId) : DomainEvent;
