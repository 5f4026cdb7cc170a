using Crm.Sdk.Domain;

namespace Crm.Sdk.Customers.Events;

/// <summary>An external id was unlinked from the customer.</summary>
/// <param name="CustomerId">The customer.</param>
/// <param name="ExternalId">The external id.</param>
public sealed record CustomerExternalIdRemoved(CustomerId CustomerId, ExternalId ExternalId) : DomainEvent;
