using Crm.Sdk.Domain;

namespace Crm.Sdk.Pipelines.Events;

/// <summary>A stage was added to a pipeline.</summary>
/// <param name="PipelineId">The pipeline.</param>
/// <param name="StageId">The new stage.</param>
/// <param name="Name">The stage name.</param>
/// <param name="Position">The zero-based position of the stage in the pipeline.</param>
public sealed record PipelineStageAdded(PipelineId PipelineId, StageId StageId, string Name, int Position) : DomainEvent;
