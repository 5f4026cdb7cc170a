using Crm.Sdk.Domain;

namespace Crm.Sdk.Interactions.Events;

/// <summary>An interaction was recorded.</summary>
/// <param name="InteractionId">The interaction.</param>
/// <param name="CustomerId">The customer it was with.</param>
/// <param name="Kind">What happened.</param>
public sealed record InteractionRecorded(InteractionId InteractionId, CustomerId CustomerId, InteractionKind Kind) : DomainEvent;
