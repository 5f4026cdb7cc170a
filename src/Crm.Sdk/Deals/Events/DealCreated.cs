using Crm.Sdk.Domain;

namespace Crm.Sdk.Deals.Events;

/// <summary>A deal was created.</summary>
/// <param name="DealId">The deal.</param>
/// <param name="CustomerId">The customer the deal is with.</param>
/// <param name="PipelineId">The pipeline it moves through.</param>
/// <param name="StageId">The stage it starts in.</param>
/// <param name="Amount">Its amount.</param>
public sealed record DealCreated(DealId DealId, CustomerId CustomerId, PipelineId PipelineId, StageId StageId, Money Amount) : DomainEvent;
