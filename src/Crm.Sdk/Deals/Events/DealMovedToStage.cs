using Crm.Sdk.Domain;

namespace Crm.Sdk.Deals.Events;

/// <summary>A deal moved from one stage to another (including into a closed stage, and back on reopening).</summary>
/// <param name="DealId">The deal.</param>
/// <param name="FromStageId">The stage it left.</param>
/// <param name="ToStageId">The stage it entered.</param>
public sealed record DealMovedToStage(DealId DealId, StageId FromStageId, StageId ToStageId) : DomainEvent;
