namespace Crm.Sdk.Pipelines;

/// <summary>The input for a new pipeline: its name and its stages in order.</summary>
/// <param name="Name">The pipeline name: required, at most <see cref="Pipeline.MaxNameLength"/> characters.</param>
/// <param name="Stages">
/// The stages in the order deals go through them: at least one <see cref="StageOutcome.Open"/>, one
/// <see cref="StageOutcome.ClosedWon"/> and one <see cref="StageOutcome.ClosedLost"/> stage, at most
/// <see cref="Pipeline.MaxStages"/> in all.
/// </param>
public sealed record PipelineDraft(string Name, IReadOnlyList<PipelineStageDraft> Stages);
