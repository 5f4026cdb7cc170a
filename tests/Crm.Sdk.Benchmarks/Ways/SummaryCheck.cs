namespace Crm.Sdk.Benchmarks.Ways;

/// <summary>What a summary computed, reduced to two numbers that every way must agree on.</summary>
internal readonly record struct SummaryCheck(long Count, decimal Amount);
