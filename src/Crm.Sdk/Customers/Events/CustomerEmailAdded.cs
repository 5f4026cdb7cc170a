using Crm.Sdk.Domain;

namespace Crm.Sdk.Customers.Events;

/// <summary>An email address was added to the customer.</summary>
/// <param name="CustomerId">The customer.</param>
public sealed record CustomerEmailAdded(CustomerId CustomerId) : DomainEvent;
