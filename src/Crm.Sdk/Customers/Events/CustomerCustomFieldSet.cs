using Crm.Sdk.Domain;

namespace Crm.Sdk.Customers.Events;

/// <summary>A custom field of the customer was set (the value may be personal data and is not in the event).</summary>
/// <param name="CustomerId">The customer.</param>
/// <param name="Key">The custom field key.</param>
public sealed record CustomerCustomFieldSet(CustomerId CustomerId, string Key) : DomainEvent;
