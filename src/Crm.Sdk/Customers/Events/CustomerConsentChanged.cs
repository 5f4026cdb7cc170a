using Crm.Sdk.Domain;

namespace Crm.Sdk.Customers.Events;

/// <summary>The customer granted or withdrew marketing consent for a channel.</summary>
/// <param name="CustomerId">The customer.</param>
/// <param name="Consent">The decision, with its channel, status, time and source.</param>
public sealed record CustomerConsentChanged(CustomerId CustomerId, ConsentRecord Consent) : DomainEvent;
