namespace Crm.Sdk.Benchmarks.Running;

/// <summary>
/// One scenario's figure for one way: a throughput (<see cref="HigherIsBetter"/>) or a median latency in milliseconds
/// with its 95th percentile; <see cref="Check"/> is what the way computed, which every way must agree on.
/// </summary>
internal sealed record Measurement(double Value, double? P95, bool HigherIsBetter, string Check);
