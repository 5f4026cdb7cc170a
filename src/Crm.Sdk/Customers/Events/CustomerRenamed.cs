using Crm.Sdk.Domain;

namespace Crm.Sdk.Customers.Events;

/// <summary>The customer's display name changed (the name itself is personal data and is not in the event).</summary>
/// <param name="CustomerId">The customer.</param>
public sealed record CustomerRenamed(CustomerId CustomerId) : DomainEvent;
