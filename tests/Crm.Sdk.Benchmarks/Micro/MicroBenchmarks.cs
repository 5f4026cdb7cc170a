namespace Crm.Sdk.Benchmarks.Micro;

/// <summary>The <c>--micro</c> switch: BenchmarkDotNet runs of the SDK's hot paths.</summary>
internal static class MicroBenchmarks
{
    public static void Run() => Console.WriteLine("micro benchmarks: not yet");
}
