// Crm.Sdk side-by-side benchmark: each scenario several ways (the SDK with and without field encryption, the SDK acting as
// a sales rep under access control, hand-written Microsoft.Data.Sqlite, EF Core) on the same generated data, in one process, each way on its own database file.
// Run: dotnet run -c Release --project tests/Crm.Sdk.Benchmarks -- [--scale N] [--json FILE] [--only NAME] [--micro] [--import]
using System.Diagnostics;
using Crm.Sdk;
using Crm.Sdk.Benchmarks.Data;
using Crm.Sdk.Benchmarks.Micro;
using Crm.Sdk.Benchmarks.Reporting;
using Crm.Sdk.Benchmarks.Running;
using Crm.Sdk.Benchmarks.Ways;
using Crm.Sdk.Benchmarks.Ways.EfCore;
using Crm.Sdk.Benchmarks.Ways.Raw;

BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (Exception ex) when (ex is ArgumentException or FormatException or OverflowException)
{
    Console.Error.WriteLine(ex.Message == "help" ? BenchOptions.Usage : ex.Message + Environment.NewLine + BenchOptions.Usage);
    return ex.Message == "help" ? 0 : 2;
}

if (options.Micro)
{
    MicroBenchmarks.Run();
    return 0;
}

if (options.Import)
{
    options.Directory = Path.Combine(Path.GetTempPath(), "crm-sdk-bench-import-" + Guid.NewGuid().ToString("N")[..8]);
    return await ImportScenario.RunAsync(options, Console.Out);
}

#if DEBUG
Console.WriteLine("WARNING: a Debug build; run with -c Release for meaningful numbers.");
#endif

options.Directory = Path.Combine(Path.GetTempPath(), "crm-sdk-bench-" + Guid.NewGuid().ToString("N")[..8]);
Directory.CreateDirectory(options.Directory);
var machine = Machine.Describe(SqliteInfo.Version());
var shape = new DataShape(options.Scale);
var data = new DataGenerator(shape);
Console.WriteLine($"Crm.Sdk benchmark: {shape.Interactions:N0} interactions over {shape.Customers:N0} customers, {shape.Deals:N0} deals, {shape.SetupTickets:N0} + {shape.TicketLifecycles:N0} tickets");
Console.WriteLine($"Machine: {machine}");
Console.WriteLine($"Databases: {options.Directory} (WAL, synchronous={(options.NormalSync ? "NORMAL" : "FULL")} in every way)");

var ways = new (string Key, Func<string, IWay> Create)[]
{
    ("sdk", path => new SdkWay(path, encrypted: true, options.NormalSync)),
    ("sdk-plain", path => new SdkWay(path, encrypted: false, options.NormalSync)),
    ("sdk-rep", path => new SdkWay(path, encrypted: true, options.NormalSync, restricted: true)),
    ("raw", path => new RawSqliteWay(path, options.NormalSync)),
    ("efcore", path => new EfCoreWay(path, options.NormalSync)),
};

var results = new Results();
var runner = new WayRunner(options, Console.Out);
var total = Stopwatch.GetTimestamp();
try
{
    // All ways run interleaved (each batch and each call on every way in turn); each round does it again on fresh
    // files, the ways' order reversed every other round, and a figure is the median over the rounds.
    var selected = ways.Where(w => options.RunsWay(w.Key)).ToArray();
    var rounds = new Dictionary<string, List<Dictionary<string, Measurement>>>(StringComparer.Ordinal);
    for (var round = 1; round <= options.Rounds; round++)
    {
        var order = round % 2 == 1 ? selected : [.. selected.Reverse()];
        var suffix = options.Rounds == 1 ? "" : $"-round{round}";
        Console.WriteLine(options.Rounds == 1 ? string.Join(", ", order.Select(w => w.Key)) + ", interleaved:" : $"round {round} of {options.Rounds}: {string.Join(", ", order.Select(w => w.Key))}, interleaved:");
        foreach (var (key, measured) in await runner.RunAsync(order, suffix, data))
        {
            (rounds.TryGetValue(key, out var list) ? list : rounds[key] = []).Add(measured.Where(m => options.Runs(m.Key)).ToDictionary(m => m.Key, m => m.Value, StringComparer.Ordinal));
            Console.WriteLine($"  [{key}] database: {SqliteInfo.FileSize(Path.Combine(options.Directory, key + suffix + ".db")) / (1024d * 1024):F1} MiB (with WAL)");
        }
    }

    foreach (var (key, measured) in rounds)
    {
        results.ByWay[key] = Measurement.MedianOfRounds(measured);
    }
}
finally
{
    if (!options.Keep)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(options.Directory, recursive: true);
        }
        catch (IOException ex)
        {
            Console.Error.WriteLine($"Could not delete {options.Directory}: {ex.Message}");
        }
    }
}

Console.WriteLine();
Console.WriteLine($"Results at --scale {options.Scale}{(options.NormalSync ? " --sync normal" : "")}{(options.Rounds > 1 ? $" --rounds {options.Rounds}, medians of the rounds" : "")} ({Stopwatch.GetElapsedTime(total).TotalSeconds:F0} s in all). Ratios are time ratios: how long the SDK takes");
Console.WriteLine("relative to the other way for the same work (1.00× = as fast, 2.00× = twice as long); latencies are per call.");
Console.WriteLine();
ResultTable.Write(Console.Out, results);
foreach (var disagreement in results.Disagreements())
{
    Console.WriteLine($"WARNING: the ways computed different answers for {disagreement}");
}

var peak = Machine.PeakWorkingSet();
Console.WriteLine();
Console.WriteLine($"Machine: {machine}");
Console.WriteLine($"Peak working set: {peak / (1024d * 1024):F0} MiB");
if (options.JsonPath is { } json)
{
    JsonReport.Write(json, results, options.Scale, machine, peak);
    Console.WriteLine($"JSON written to {Path.GetFullPath(json)}");
}

return 0;
