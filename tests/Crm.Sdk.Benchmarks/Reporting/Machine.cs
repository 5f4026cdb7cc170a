using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Crm.Sdk.Benchmarks.Reporting;

/// <summary>What the numbers were measured on.</summary>
internal sealed record Machine(int Cores, string Cpu, string Os, string Runtime, string Architecture, string Sqlite)
{
    public static Machine Describe(string sqliteVersion) => new(
        Environment.ProcessorCount,
        CpuModel(),
        RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription,
        RuntimeInformation.ProcessArchitecture.ToString(),
        sqliteVersion);

    public static long PeakWorkingSet()
    {
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return process.PeakWorkingSet64;
    }

    public override string ToString() =>
        $"{Cores} cores ({Cpu}), {Os}, {Runtime} {Architecture}, SQLite {Sqlite}";

    private static string CpuModel()
    {
        try
        {
            var line = File.Exists("/proc/cpuinfo")
                ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))
                : null;
            return line is null ? "unknown CPU" : line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
        }
        catch (IOException)
        {
            return "unknown CPU";
        }
    }
}
