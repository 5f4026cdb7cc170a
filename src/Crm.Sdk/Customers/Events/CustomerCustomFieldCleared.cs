using Crm.Sdk.Domain;

namespace Crm.Sdk.Customers.Events;

/// <summary>A custom field of the customer was cleared.</summary>
/// <param name="CustomerId">The customer.</param>
/// <param name="Key">The custom field key.</param>
public sealed record CustomerCustomFieldCleared(CustomerId CustomerId, string Key) : DomainEvent;
