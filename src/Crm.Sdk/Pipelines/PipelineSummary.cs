namespace Crm.Sdk.Pipelines;

/// <summary>The deals of a pipeline, stage by stage.</summary>
/// <param name="Pipeline">The pipeline.</param>
/// <param name="Stages">One row per stage, in pipeline order, including stages without deals.</param>
/// <param name="OpenWeightedAmount">
/// The weighted amount of the open stages, one total per currency in currency order: the forecast. A total may exceed
/// the range of one <see cref="Money"/> (see <see cref="MoneyTotal"/>).
/// </param>
public sealed record PipelineSummary(Pipeline Pipeline, IReadOnlyList<StageSummary> Stages, IReadOnlyList<MoneyTotal> OpenWeightedAmount);

/// <summary>The deals in one stage.</summary>
/// <param name="Stage">The stage.</param>
/// <param name="DealCount">How many deals are in it.</param>
/// <param name="Amount">Their total amount, one per currency in currency order (see <see cref="MoneyTotal"/>).</param>
/// <param name="WeightedAmount">Their total amount times the stage's win probability, one per currency (rounded to 4 decimals).</param>
public sealed record StageSummary(PipelineStage Stage, long DealCount, IReadOnlyList<MoneyTotal> Amount, IReadOnlyList<MoneyTotal> WeightedAmount);
