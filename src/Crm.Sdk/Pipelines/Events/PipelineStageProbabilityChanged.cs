using Crm.Sdk.Domain;

namespace Crm.Sdk.Pipelines.Events;

/// <summary>The win probability of a pipeline stage changed.</summary>
/// <param name="PipelineId">The pipeline.</param>
/// <param name="StageId">The stage.</param>
/// <param name="Probability">The new probability, from 0 to 1.</param>
public sealed record PipelineStageProbabilityChanged(PipelineId PipelineId, StageId StageId, decimal Probability) : DomainEvent;
