using Crm.Sdk.Domain;

namespace Crm.Sdk.Interactions.Events;

/// <summary>An interaction was linked to a deal (or moved from one deal to another).</summary>
/// <param name="InteractionId">The interaction.</param>
/// <param name="DealId">The deal it is linked to now.</param>
/// <param name="PreviousDealId">The deal it was linked to before, if any.</param>
public sealed record InteractionLinkedToDeal(InteractionId InteractionId, DealId DealId, DealId? PreviousDealId) : DomainEvent;
