using Crm.Sdk.Domain;

namespace Crm.Sdk.Pipelines.Events;

/// <summary>A pipeline was renamed.</summary>
/// <param name="PipelineId">The pipeline.</param>
/// <param name="Name">Its new name.</param>
public sealed record PipelineRenamed(PipelineId PipelineId, string Name) : DomainEvent;
