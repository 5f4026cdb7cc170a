using System.Diagnostics;

namespace Crm.Sdk.Benchmarks.Running;

/// <summary>Collects per-operation times (Stopwatch ticks) and reports median and 95th percentile in milliseconds.</summary>
internal sealed class Latencies
{
    private readonly List<double> _milliseconds = [];

    public int Count => _milliseconds.Count;

    public double TotalSeconds => _milliseconds.Sum() / 1000d;

    public async Task<T> TimeAsync<T>(Func<Task<T>> operation)
    {
        var started = Stopwatch.GetTimestamp();
        var result = await operation();
        _milliseconds.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return result;
    }

    public double Median => Percentile(0.50);

    public double P95 => Percentile(0.95);

    public Measurement ToMeasurement(string check) => new(Median, P95, HigherIsBetter: false, check);

    private double Percentile(double p)
    {
        if (_milliseconds.Count == 0)
        {
            return double.NaN;
        }

        var sorted = _milliseconds.Order().ToArray();
        var rank = p * (sorted.Length - 1);
        var low = (int)Math.Floor(rank);
        var high = (int)Math.Ceiling(rank);
        return sorted[low] + ((sorted[high] - sorted[low]) * (rank - low));
    }
}
