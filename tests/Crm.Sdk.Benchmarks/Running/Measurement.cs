namespace Crm.Sdk.Benchmarks.Running;

/// <summary>
/// One scenario's figure for one way: a throughput (<see cref="HigherIsBetter"/>) or a median latency in milliseconds
/// with its 95th percentile; <see cref="Check"/> is what the way computed, which every way must agree on.
/// </summary>
internal sealed record Measurement(double Value, double? P95, bool HigherIsBetter, string Check)
{
    /// <summary>
    /// One way's figures over several rounds: per scenario the median value and median 95th percentile; the check of the
    /// first round, or every round's when they differ (so the report flags it).
    /// </summary>
    public static Dictionary<string, Measurement> MedianOfRounds(IReadOnlyList<Dictionary<string, Measurement>> rounds) =>
        rounds[0].Keys.ToDictionary(
            scenario => scenario,
            scenario =>
            {
                var all = rounds.Select(r => r[scenario]).ToArray();
                var checks = all.Select(m => m.Check).Distinct(StringComparer.Ordinal).ToArray();
                return new Measurement(
                    Median(all.Select(m => m.Value)),
                    all[0].P95 is null ? null : Median(all.Select(m => m.P95 ?? 0)),
                    all[0].HigherIsBetter,
                    string.Join(" | ", checks));
            },
            StringComparer.Ordinal);

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
