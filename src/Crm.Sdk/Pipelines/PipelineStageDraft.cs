namespace Crm.Sdk.Pipelines;

/// <summary>The input for one stage of a new pipeline, or of a stage added to an existing one.</summary>
/// <param name="Name">The stage name: required, at most <see cref="PipelineStage.MaxNameLength"/> characters, unique (ignoring case) within the pipeline.</param>
/// <param name="Probability">
/// The chance that a deal in this stage is won, from 0 to 1. A <see cref="StageOutcome.ClosedWon"/> stage must say 1
/// and a <see cref="StageOutcome.ClosedLost"/> stage 0.
/// </param>
/// <param name="Outcome">What reaching the stage means for a deal.</param>
public sealed record PipelineStageDraft(string Name, decimal Probability, StageOutcome Outcome = StageOutcome.Open);
