using System.Text.Json;
using Crm.Sdk.Benchmarks.Running;

namespace Crm.Sdk.Benchmarks.Reporting;

/// <summary>Writes the results file of <c>--json FILE</c>: per scenario its name, the figures and the ratios.</summary>
internal static class JsonReport
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static void Write(string path, Results results, int scale, Machine machine, long peakWorkingSet)
    {
        var scenarios = Scenarios.All
            .Where(s => results.ByWay.Values.Any(r => r.ContainsKey(s.Key)))
            .Select(s => new
            {
                name = s.Key,
                title = s.Title,
                unit = s.Unit,
                statistic = s.Unit == "ms" ? "median" : "total",
                higherIsBetter = s.Unit != "ms",
                sdk = results.Get("sdk", s.Key)?.Value,
                raw = results.Get("raw", s.Key)?.Value,
                efCore = results.Get("efcore", s.Key)?.Value,
                sdkEncryptionOff = results.Get("sdk-plain", s.Key)?.Value,
                sdkOverRaw = results.TimeRatio("sdk", "raw", s.Key),
                sdkOverEfCore = results.TimeRatio("sdk", "efcore", s.Key),
                sdkEncryptedOverPlain = results.TimeRatio("sdk", "sdk-plain", s.Key),
                salesRepOverUnrestricted = results.TimeRatio("sdk-rep", "sdk", s.Key),
                p95 = s.Unit == "ms"
                    ? new
                    {
                        sdk = results.Get("sdk", s.Key)?.P95,
                        raw = results.Get("raw", s.Key)?.P95,
                        efCore = results.Get("efcore", s.Key)?.P95,
                        sdkEncryptionOff = results.Get("sdk-plain", s.Key)?.P95,
                    }
                    : null,
            })
            .ToArray();
        var document = new
        {
            scale,
            ratios = "time ratios: how long the SDK takes relative to the other way for the same work (1.0 = same, 2.0 = twice as long)",
            machine,
            peakWorkingSetBytes = peakWorkingSet,
            scenarios,
        };
        File.WriteAllText(path, JsonSerializer.Serialize(document, Options));
    }
}
