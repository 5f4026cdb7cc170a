using Crm.Sdk.Domain;

namespace Crm.Sdk.Customers.Events;

/// <summary>A customer's personal data was erased (right to erasure): its data key and blind indexes are gone.</summary>
/// <param name="CustomerId">The customer.</param>
public sealed record CustomerErased(CustomerId CustomerId) : DomainEvent;
