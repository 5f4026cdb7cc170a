using Crm.Sdk.Pipelines;
using NodaTime;

namespace Crm.Sdk.Deals;

/// <summary>The input for a new deal.</summary>
public sealed record DealDraft
{
    /// <summary>The customer the deal is with.</summary>
    public required CustomerId CustomerId { get; init; }

    /// <summary>The pipeline the deal moves through.</summary>
    public required PipelineId PipelineId { get; init; }

    /// <summary>The deal name: required, at most <see cref="Deal.MaxNameLength"/> characters.</summary>
    public required string Name { get; init; }

    /// <summary>The expected value of the deal; not negative.</summary>
    public required Money Amount { get; init; }

    /// <summary>The date the deal is expected to close, if known: a date of the ISO calendar.</summary>
    public LocalDate? ExpectedCloseDate { get; init; }

    /// <summary>The id of the host's user who owns the deal, if any; at most <see cref="Deal.MaxOwnerIdLength"/> characters.</summary>
    public string? OwnerId { get; init; }

    /// <summary>
    /// The open stage the deal starts in; <see langword="null"/> for the pipeline's <see cref="Pipeline.FirstOpenStage"/>.
    /// </summary>
    public StageId? InitialStageId { get; init; }
}
