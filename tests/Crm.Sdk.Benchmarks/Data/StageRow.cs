using Crm.Sdk.Pipelines;

namespace Crm.Sdk.Benchmarks.Data;

/// <summary>One stage of the benchmark pipeline.</summary>
internal sealed record StageRow(string Name, decimal Probability, StageOutcome Outcome);
