using Crm.Sdk.Domain;

namespace Crm.Sdk.Customers.Events;

/// <summary>A postal address was removed from the customer.</summary>
/// <param name="CustomerId">The customer.</param>
/// <param name="Kind">What the address was used for.</param>
public sealed record CustomerAddressRemoved(CustomerId CustomerId, AddressKind Kind) : DomainEvent;
