using Crm.Sdk.Domain;

namespace Crm.Sdk.Customers.Events;

/// <summary>A postal address was added to the customer.</summary>
/// <param name="CustomerId">The customer.</param>
/// <param name="Kind">What the address is used for.</param>
public sealed record CustomerAddressAdded(CustomerId CustomerId, AddressKind Kind) : DomainEvent;
