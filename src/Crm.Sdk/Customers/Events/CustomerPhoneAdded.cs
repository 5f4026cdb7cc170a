using Crm.Sdk.Domain;

namespace Crm.Sdk.Customers.Events;

/// <summary>A phone number was added to the customer.</summary>
/// <param name="CustomerId">The customer.</param>
public sealed record CustomerPhoneAdded(CustomerId CustomerId) : DomainEvent;
