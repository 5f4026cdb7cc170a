using Crm.Sdk.Domain;

namespace Crm.Sdk.Pipelines.Events;

/// <summary>A pipeline was created.</summary>
/// <param name="PipelineId">The pipeline.</param>
/// <param name="Name">Its name.</param>
public sealed record PipelineCreated(PipelineId PipelineId, string Name) : DomainEvent;
