using Crm.Sdk.Domain;

namespace Crm.Sdk.Customers.Events;

/// <summary>The customer's structured name (person name or company name) changed.</summary>
/// <param name="CustomerId">The customer.</param>
public sealed record CustomerNameDetailsChanged(CustomerId CustomerId) : DomainEvent;
