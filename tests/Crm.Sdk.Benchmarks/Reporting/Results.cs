using Crm.Sdk.Benchmarks.Running;

namespace Crm.Sdk.Benchmarks.Reporting;

/// <summary>Every way's measurements, by way key then scenario key, with the ratios the report shows.</summary>
internal sealed class Results
{
    public Dictionary<string, Dictionary<string, Measurement>> ByWay { get; } = new(StringComparer.Ordinal);

    public Measurement? Get(string way, string scenario) =>
        ByWay.TryGetValue(way, out var results) && results.TryGetValue(scenario, out var m) ? m : null;

    /// <summary>
    /// How long the SDK takes relative to another way for the same work: 1.0 is the same, 3.0 three times as long.
    /// For throughputs that is other ÷ SDK, for latencies SDK ÷ other.
    /// </summary>
    public double? TimeRatio(string way, string other, string scenario)
    {
        var a = Get(way, scenario);
        var b = Get(other, scenario);
        if (a is null || b is null || a.Value <= 0 || b.Value <= 0)
        {
            return null;
        }

        return a.HigherIsBetter ? b.Value / a.Value : a.Value / b.Value;
    }

    /// <summary>Scenarios where the ways computed different answers (they must agree, or the comparison is void).</summary>
    public IEnumerable<string> Disagreements()
    {
        foreach (var (key, _, _) in Scenarios.All)
        {
            var checks = ByWay.Where(w => w.Value.ContainsKey(key)).Select(w => (Way: w.Key, w.Value[key].Check)).ToArray();
            if (checks.Select(c => c.Check).Distinct(StringComparer.Ordinal).Count() > 1)
            {
                yield return $"{key}: " + string.Join("; ", checks.Select(c => $"{c.Way} = {c.Check}"));
            }
        }
    }
}
