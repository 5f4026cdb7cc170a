using Crm.Sdk.Domain;

namespace Crm.Sdk.Deals.Events;

/// <summary>A deal was lost: it reached a closed-lost stage.</summary>
/// <param name="DealId">The deal.</param>
/// <param name="StageId">The closed-lost stage.</param>
/// <param name="Reason">Why it was lost, if given.</param>
public sealed record DealLost(DealId DealId, StageId StageId, string? Reason) : DomainEvent;
