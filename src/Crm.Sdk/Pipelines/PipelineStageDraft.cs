namespace Crm.Sdk.Pipelines;

/// <summary>The input for one stage of a new pipeline, or of a stage added to an existing one.</summary>
public sealed record PipelineStageDraft
{
    /// <summary>The stage name: required, at most <see cref="PipelineStage.MaxNameLength"/> characters, unique (ignoring case) within the pipeline.</summary>
    public required string Name { get; init; }

    /// <summary>
    /// The chance that a deal in this stage is won, from 0 to 1. A <see cref="StageOutcome.ClosedWon"/> stage must say 1
    /// and a <see cref="StageOutcome.ClosedLost"/> stage 0.
    /// </summary>
    public required decimal Probability { get; init; }

    /// <summary>What reaching the stage means for a deal; <see cref="StageOutcome.Open"/> unless set.</summary>
    public StageOutcome Outcome { get; init; } = StageOutcome.Open;
}
