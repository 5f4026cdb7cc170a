using Crm.Sdk.Domain;

namespace Crm.Sdk.Customers.Events;

/// <summary>A tag was removed from the customer.</summary>
/// <param name="CustomerId">The customer.</param>
/// <param name="Tag">The tag (normalized).</param>
public sealed record CustomerUntagged(CustomerId CustomerId, string Tag) : DomainEvent;
