using Crm.Sdk.Domain;

namespace Crm.Sdk.Customers.Events;

/// <summary>An email address was removed from the customer.</summary>
/// <param name="CustomerId">The customer.</param>
public sealed record CustomerEmailRemoved(CustomerId CustomerId) : DomainEvent;
