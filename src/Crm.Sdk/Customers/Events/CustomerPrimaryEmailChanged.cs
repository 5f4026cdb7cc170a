using Crm.Sdk.Domain;

namespace Crm.Sdk.Customers.Events;

/// <summary>Another of the customer's email addresses became the primary one.</summary>
/// <param name="CustomerId">The customer.</param>
public sealed record CustomerPrimaryEmailChanged(CustomerId CustomerId) : DomainEvent;
