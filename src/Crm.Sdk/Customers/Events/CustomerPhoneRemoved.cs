using Crm.Sdk.Domain;

namespace Crm.Sdk.Customers.Events;

/// <summary>A phone number was removed from the customer.</summary>
/// <param name="CustomerId">The customer.</param>
public sealed record CustomerPhoneRemoved(CustomerId CustomerId) : DomainEvent;
