using Crm.Sdk.Domain;

namespace Crm.Sdk.Customers.Events;

/// <summary>The customer moved to another lifecycle stage.</summary>
/// <param name="CustomerId">The customer.</param>
/// <param name="From">The previous stage.</param>
/// <param name="To">The new stage.</param>
public sealed record CustomerLifecycleStageChanged(CustomerId CustomerId, LifecycleStage From, LifecycleStage To) : DomainEvent;
