namespace Crm.Sdk.Customers;

/// <summary>A phone number was removed from the customer.</summary>
/// <param name="CustomerId">The customer.</param>
public sealed record CustomerPhoneRemoved(CustomerId CustomerId) : DomainEvent;
