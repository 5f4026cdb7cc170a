namespace Crm.Sdk.Customers;

/// <summary>A tag was removed from the customer.</summary>
/// <param name="CustomerId">The customer.</param>
/// <param name="Tag">The tag (normalized).</param>
public sealed record CustomerUntagged(CustomerId CustomerId, string Tag) : DomainEvent;
