using Crm.Sdk.Domain;

namespace Crm.Sdk.Pipelines.Events;

/// <summary>A stage of a pipeline was renamed.</summary>
/// <param name="PipelineId">The pipeline.</param>
/// <param name="StageId">The stage.</param>
/// <param name="Name">The new stage name.</param>
public sealed record PipelineStageRenamed(PipelineId PipelineId, StageId StageId, string Name) : DomainEvent;
