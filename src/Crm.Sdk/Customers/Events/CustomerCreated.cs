using Crm.Sdk.Domain;

namespace Crm.Sdk.Customers.Events;

/// <summary>A customer was created. Like every customer event, it carries no personal data (names, emails, phones, addresses), so the event log never needs crypto-shredding.</summary>
/// <param name="CustomerId">The customer.</param>
/// <param name="Kind">Person or company.</param>
/// <param name="LifecycleStage">The initial stage.</param>
public sealed record CustomerCreated(CustomerId CustomerId, CustomerKind Kind, LifecycleStage LifecycleStage) : DomainEvent;
