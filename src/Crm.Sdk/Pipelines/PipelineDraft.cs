namespace Crm.Sdk.Pipelines;

/// <summary>The input for a new pipeline: its name and its stages in order.</summary>
public sealed record PipelineDraft
{
    /// <summary>The pipeline name: required, at most <see cref="Pipeline.MaxNameLength"/> characters.</summary>
    public required string Name { get; init; }

    /// <summary>
    /// The stages in the order deals go through them: at least one <see cref="StageOutcome.Open"/>, one
    /// <see cref="StageOutcome.ClosedWon"/> and one <see cref="StageOutcome.ClosedLost"/> stage, at most
    /// <see cref="Pipeline.MaxStages"/> in all.
    /// </summary>
    public required IReadOnlyList<PipelineStageDraft> Stages { get; init; }
}
