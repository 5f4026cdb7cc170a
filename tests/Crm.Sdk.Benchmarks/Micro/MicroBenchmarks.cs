using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;

namespace Crm.Sdk.Benchmarks.Micro;

/// <summary>The <c>--micro</c> switch: BenchmarkDotNet runs of the SDK's hot paths (in-process, short job).</summary>
internal static class MicroBenchmarks
{
    public static void Run() =>
        BenchmarkRunner.Run<HotPathBenchmarks>(DefaultConfig.Instance.WithOptions(ConfigOptions.DisableOptimizationsValidator));
}
