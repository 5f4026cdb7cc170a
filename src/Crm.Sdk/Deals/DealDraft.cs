using Crm.Sdk.Pipelines;
using NodaTime;

namespace Crm.Sdk.Deals;

/// <summary>The input for a new deal.</summary>
/// <param name="CustomerId">The customer the deal is with.</param>
/// <param name="PipelineId">The pipeline the deal moves through; must be the pipeline passed to <see cref="Deal.Create"/>.</param>
/// <param name="Name">The deal name: required, at most <see cref="Deal.MaxNameLength"/> characters.</param>
/// <param name="Amount">The expected value of the deal; not negative.</param>
public sealed record DealDraft(CustomerId CustomerId, PipelineId PipelineId, string Name, Money Amount)
{
    /// <summary>The date the deal is expected to close, if known.</summary>
    public LocalDate? ExpectedCloseDate { get; init; }

    /// <summary>The id of the host's user who owns the deal, if any; at most <see cref="Deal.MaxOwnerIdLength"/> characters.</summary>
    public string? OwnerId { get; init; }

    /// <summary>
    /// The open stage the deal starts in; <see langword="null"/> for the pipeline's <see cref="Pipeline.FirstOpenStage"/>.
    /// </summary>
    public StageId? InitialStageId { get; init; }
}
