namespace Crm.Sdk.Pipelines;

/// <summary>The deals of a pipeline, stage by stage.</summary>
/// <param name="Pipeline">The pipeline.</param>
/// <param name="Stages">One row per stage, in pipeline order, including stages without deals.</param>
/// <param name="OpenWeightedAmount">The weighted amount of the open stages, one per currency: the forecast.</param>
public sealed record PipelineSummary(Pipeline Pipeline, IReadOnlyList<StageSummary> Stages, IReadOnlyList<Money> OpenWeightedAmount);

/// <summary>The deals in one stage.</summary>
/// <param name="Stage">The stage.</param>
/// <param name="DealCount">How many deals are in it.</param>
/// <param name="Amount">Their amount, one per currency.</param>
/// <param name="WeightedAmount">Their amount times the stage's win probability, one per currency (rounded to 4 decimals).</param>
public sealed record StageSummary(PipelineStage Stage, long DealCount, IReadOnlyList<Money> Amount, IReadOnlyList<Money> WeightedAmount);
