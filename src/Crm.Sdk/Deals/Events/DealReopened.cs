using Crm.Sdk.Domain;

namespace Crm.Sdk.Deals.Events;

/// <summary>A won or lost deal was reopened into an open stage.</summary>
/// <param name="DealId">The deal.</param>
/// <param name="StageId">The open stage it went back to.</param>
public sealed record DealReopened(DealId DealId, StageId StageId) : DomainEvent;
