using System.Globalization;

namespace Crm.Sdk.Benchmarks.Running;

/// <summary>Command-line options: <c>[--scale N] [--json FILE] [--only NAME[,NAME…]] [--sync full|normal] [--keep] [--micro]</c>.</summary>
internal sealed class BenchOptions
{
    public static readonly string[] WayKeys = ["sdk", "sdk-plain", "sdk-rep", "raw", "efcore"];

    public int Scale { get; private set; } = 100_000;

    public string? JsonPath { get; private set; }

    public IReadOnlyList<string> Only { get; private set; } = [];

    public bool Keep { get; private set; }

    /// <summary>synchronous=NORMAL instead of the SDK's default FULL, in every way (no fsync per commit).</summary>
    public bool NormalSync { get; private set; }

    public bool Micro { get; private set; }

    /// <summary>Runs the import scenario (CSV through Crm.Sdk.Import vs the SDK's own CreateManyAsync) instead of the others.</summary>
    public bool Import { get; private set; }

    /// <summary>How many times every way is measured, alternating their order; each figure is the median over the rounds.</summary>
    public int Rounds { get; private set; } = 1;

    public string Directory { get; set; } = "";

    public static string Usage =>
        "usage: dotnet run -c Release --project tests/Crm.Sdk.Benchmarks -- [--scale N] [--json FILE] [--only NAME[,NAME...]] [--sync full|normal] [--rounds N] [--keep] [--micro] [--import]\n"
        + "  --scale N   interactions to record (default 100000; customers = N/100, deals = 2 per customer)\n"
        + "  --json FILE also write the results as JSON\n"
        + "  --only NAME scenarios (" + string.Join(", ", Scenarios.All.Select(s => s.Key)) + "; a prefix such as 'timeline' works)\n"
        + "              and/or ways (" + string.Join(", ", WayKeys) + "); ingest always runs, since the reads need its data\n"
        + "  --sync M    SQLite synchronous mode of every way: full (default, the SDK's default: fsync per commit) or normal\n"
        + "  --rounds N  measure N times (default 1), the ways' order reversed every other round; report the medians\n"
        + "              (within a round the ways always run interleaved, call by call)\n"
        + "  --keep      keep the database files (printed path) instead of deleting them\n"
        + "  --micro     run the BenchmarkDotNet micro-benchmarks of the hot paths instead\n"
        + "  --import    run the import scenario instead: N interaction rows from CSV through Crm.Sdk.Import vs CreateManyAsync";

    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions();
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--scale":
                    options.Scale = int.Parse(Value(args, ref i).Replace("_", "", StringComparison.Ordinal), NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
                    if (options.Scale < 1_000)
                    {
                        throw new ArgumentException("--scale must be at least 1000.");
                    }

                    break;
                case "--json":
                    options.JsonPath = Value(args, ref i);
                    break;
                case "--only":
                    options.Only = Value(args, ref i).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                    var unknown = options.Only.Where(o => !WayKeys.Contains(o) && !Scenarios.All.Any(s => s.Key.StartsWith(o, StringComparison.Ordinal))).ToArray();
                    if (unknown.Length > 0)
                    {
                        throw new ArgumentException($"--only: unknown name(s) {string.Join(", ", unknown)}.");
                    }

                    break;
                case "--sync":
                    options.NormalSync = Value(args, ref i) switch
                    {
                        "full" => false,
                        "normal" => true,
                        var other => throw new ArgumentException($"--sync takes full or normal, not '{other}'."),
                    };
                    break;
                case "--keep":
                    options.Keep = true;
                    break;
                case "--micro":
                    options.Micro = true;
                    break;
                case "--rounds":
                    options.Rounds = int.Parse(Value(args, ref i), NumberStyles.None, CultureInfo.InvariantCulture);
                    if (options.Rounds is < 1 or > 99)
                    {
                        throw new ArgumentException("--rounds must be between 1 and 99.");
                    }

                    break;
                case "--import":
                    options.Import = true;
                    break;
                case "-h" or "--help":
                    throw new ArgumentException("help");
                default:
                    throw new ArgumentException($"Unknown argument '{args[i]}'.");
            }
        }

        return options;
    }

    /// <summary>Whether a scenario is measured and reported (ingest always runs, it builds the data).</summary>
    public bool Runs(string scenario)
    {
        var scenarioFilters = Only.Where(o => !WayKeys.Contains(o)).ToArray();
        return scenarioFilters.Length == 0 || scenarioFilters.Any(o => scenario.StartsWith(o, StringComparison.Ordinal));
    }

    public bool RunsWay(string way)
    {
        var wayFilters = Only.Where(WayKeys.Contains).ToArray();
        return wayFilters.Length == 0 || wayFilters.Contains(way);
    }

    private static string Value(string[] args, ref int i) =>
        ++i < args.Length ? args[i] : throw new ArgumentException($"{args[i - 1]} needs a value.");
}
