namespace Crm.Sdk.Pipelines;

/// <summary>A deal was renamed.</summary>
/// <param name="DealId">The deal.</param>
/// <param name="Name">The new name.</param>
public sealed record DealRenamed(DealId DealId, string Name) : DomainEvent;
