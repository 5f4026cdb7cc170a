using System.Globalization;
using Crm.Sdk.Benchmarks.Running;

namespace Crm.Sdk.Benchmarks.Reporting;

/// <summary>Writes the results as a Markdown table (readable on a console, pasteable into the README).</summary>
internal static class ResultTable
{
    public static void Write(TextWriter output, Results results)
    {
        string[] header = ["scenario", "unit", "SDK (encrypted)", "SDK (plain)", "raw SQLite", "EF Core", "SDK/raw", "SDK/EF", "encrypted/plain", "rep/unrestricted"];
        var rows = new List<string[]> { header };
        foreach (var (key, title, unit) in Scenarios.All)
        {
            if (!results.ByWay.Values.Any(r => r.ContainsKey(key)))
            {
                continue;
            }

            rows.Add(
            [
                title,
                unit == "ms" ? "ms, median (p95)" : unit,
                Figure(results.Get("sdk", key)),
                Figure(results.Get("sdk-plain", key)),
                Figure(results.Get("raw", key)),
                Figure(results.Get("efcore", key)),
                Ratio(results.TimeRatio("sdk", "raw", key)),
                Ratio(results.TimeRatio("sdk", "efcore", key)),
                Ratio(results.TimeRatio("sdk", "sdk-plain", key)),
                Ratio(results.TimeRatio("sdk-rep", "sdk", key)),
            ]);
        }

        var widths = Enumerable.Range(0, header.Length).Select(c => rows.Max(r => r[c].Length)).ToArray();
        for (var r = 0; r < rows.Count; r++)
        {
            output.WriteLine("| " + string.Join(" | ", rows[r].Select((cell, c) => c < 2 ? cell.PadRight(widths[c]) : cell.PadLeft(widths[c]))) + " |");
            if (r == 0)
            {
                output.WriteLine("|" + string.Join("|", widths.Select((w, c) => c < 2 ? new string('-', w + 2) : new string('-', w + 1) + ":")) + "|");
            }
        }
    }

    private static string Figure(Measurement? m) => m switch
    {
        null => "–",
        { HigherIsBetter: true } => m.Value.ToString("N0", CultureInfo.InvariantCulture),
        _ => string.Create(CultureInfo.InvariantCulture, $"{Ms(m.Value)} ({Ms(m.P95 ?? double.NaN)})"),
    };

    private static string Ms(double value) => value switch
    {
        double.NaN => "–",
        < 1 => value.ToString("F3", CultureInfo.InvariantCulture),
        < 10 => value.ToString("F2", CultureInfo.InvariantCulture),
        _ => value.ToString("F1", CultureInfo.InvariantCulture),
    };

    private static string Ratio(double? ratio) => ratio is { } r ? r.ToString("F2", CultureInfo.InvariantCulture) + "×" : "–";
}
