namespace Crm.Sdk.Benchmarks.Data;

/// <summary>One generated deal; <see cref="StageIndex"/> is one of the open stages of <see cref="DataGenerator.Stages"/>.</summary>
internal sealed record DealRow(int CustomerIndex, string Name, decimal Amount, string Currency, int StageIndex);
