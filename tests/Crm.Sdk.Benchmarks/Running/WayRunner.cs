using System.Diagnostics;
using System.Globalization;
using Crm.Sdk.Benchmarks.Data;
using Crm.Sdk.Benchmarks.Ways;
using Crm.Sdk.Customers;
using Crm.Sdk.Pipelines;

namespace Crm.Sdk.Benchmarks.Running;

/// <summary>Runs every scenario against one way: a small warm-up on its own file first (to steady state), then the measured run.</summary>
internal sealed class WayRunner(BenchOptions options, TextWriter log)
{
    private const int MinWarmUpRounds = 3;
    private static readonly TimeSpan WarmUpTime = TimeSpan.FromSeconds(3);

    public async Task<Dictionary<string, Measurement>> RunAsync(Func<string, IWay> create, string key, string fileStem, DataGenerator data)
    {
        var warmUpPath = Path.Combine(options.Directory, fileStem + "-warmup.db");
        await using (var warm = create(warmUpPath))
        {
            // Until steady state: the reads run again and again for a few seconds, so that every way's code is past
            // tiered compilation's first tiers (and its dynamic PGO) before anything is timed. One pass is not enough:
            // a method needs 30 calls and then a background recompile before it runs optimized.
            var started = Stopwatch.GetTimestamp();
            var warmUpData = new DataGenerator(DataShape.WarmUp);
            await IngestAsync(warm, warmUpData, quiet: true);
            var rounds = 0;
            do
            {
                await ReadsAsync(warm, warmUpData, quiet: true);
                rounds++;
            }
            while (rounds < MinWarmUpRounds || Stopwatch.GetElapsedTime(started) < WarmUpTime);

            log.WriteLine($"  [{key}] warm-up: {rounds} rounds of the scenarios in {Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s (not counted)");
        }

        await using var way = create(Path.Combine(options.Directory, fileStem + ".db"));
        var results = await IngestAsync(way, data, quiet: false);
        foreach (var (scenario, measurement) in await ReadsAsync(way, data, quiet: false))
        {
            results[scenario] = measurement;
        }

        return results;
    }

    /// <summary>Sets the way up and records every interaction of <paramref name="data"/>: the (a) scenario.</summary>
    private async Task<Dictionary<string, Measurement>> IngestAsync(IWay way, DataGenerator data, bool quiet)
    {
        var shape = data.Shape;
        var results = new Dictionary<string, Measurement>(StringComparer.Ordinal);
        var setup = Stopwatch.GetTimestamp();
        await way.SetupAsync(data);
        Say(quiet, $"  [{way.Key}] setup: {shape.Customers:N0} customers, {shape.Deals:N0} deals, {shape.SetupTickets:N0} tickets in {Stopwatch.GetElapsedTime(setup).TotalSeconds:F1} s (not counted)");

        // (a) Ingest: always run (the other scenarios read its data); only the way's own work is timed, not generation.
        Settle();
        var batches = new Latencies();
        for (var b = 0; b < shape.Batches; b++)
        {
            var batch = data.Batch(b);
            await batches.TimeAsync(async () => { await way.IngestAsync(batch); return 0; });
        }

        var rate = shape.Interactions / batches.TotalSeconds;
        results[Scenarios.Ingest] = new Measurement(rate, null, HigherIsBetter: true, shape.Interactions.ToString(CultureInfo.InvariantCulture));
        Say(quiet, $"  [{way.Key}] ingest: {rate:N0} rows/s ({batches.TotalSeconds:F1} s; batch median {batches.Median:F1} ms, p95 {batches.P95:F1} ms)");
        return results;
    }

    /// <summary>The (b) to (f) scenarios, on the data <see cref="IngestAsync"/> recorded.</summary>
    private async Task<Dictionary<string, Measurement>> ReadsAsync(IWay way, DataGenerator data, bool quiet)
    {
        var shape = data.Shape;
        var results = new Dictionary<string, Measurement>(StringComparer.Ordinal);

        if (options.Runs(Scenarios.TimelineFirst) || options.Runs(Scenarios.TimelineNext))
        {
            Settle();
            var first = new Latencies();
            var next = new Latencies();
            long items = 0, check = 0;
            foreach (var customer in data.Sample(shape.TimelineSamples, salt: 1))
            {
                var page = await first.TimeAsync(() => way.TimelinePageAsync(customer, null));
                items += page.Count;
                check += page.Check;
                if (page.Next is not null)
                {
                    var second = await next.TimeAsync(() => way.TimelinePageAsync(customer, page.Next));
                    items += second.Count;
                    check += second.Check;
                }
            }

            var summary = $"{items} items, Σt={check}";
            results[Scenarios.TimelineFirst] = first.ToMeasurement(summary);
            results[Scenarios.TimelineNext] = next.ToMeasurement(summary);
            Say(quiet, $"  [{way.Key}] timeline: first {first.Median:F2} ms, next {next.Median:F2} ms (median of {first.Count} and {next.Count})");
        }

        if (options.Runs(Scenarios.FindByEmail))
        {
            Settle();
            var customers = data.Customers();
            var times = new Latencies();
            var found = 0;
            foreach (var customer in data.Sample(shape.EmailLookups, salt: 2))
            {
                // As a user types it: different case, stray spaces.
                found += await times.TimeAsync(() => way.FindByEmailAsync("  " + customers[customer].Email.ToUpperInvariant() + " "));
            }

            results[Scenarios.FindByEmail] = times.ToMeasurement($"{found} found");
            Say(quiet, $"  [{way.Key}] find by email: {times.Median:F2} ms median ({found} found of {times.Count})");
        }

        if (options.Runs(Scenarios.Customer360))
        {
            Settle();
            var times = new Latencies();
            long count = 0;
            decimal amount = 0;
            foreach (var customer in data.Sample(shape.SummarySamples, salt: 3))
            {
                var result = await times.TimeAsync(() => way.SummaryAsync(customer));
                count += result.Count;
                amount += result.Amount;
            }

            results[Scenarios.Customer360] = times.ToMeasurement($"n={count}, EUR {amount:F2}");
            Say(quiet, $"  [{way.Key}] 360° summary: {times.Median:F2} ms median");
        }

        if (options.Runs(Scenarios.PipelineSummary))
        {
            Settle();
            var times = new Latencies();
            SummaryCheck last = default;
            for (var i = 0; i < shape.PipelineSamples; i++)
            {
                last = await times.TimeAsync(way.PipelineSummaryAsync);
            }

            results[Scenarios.PipelineSummary] = times.ToMeasurement($"{last.Count} deals, EUR {last.Amount:F2}");
            Say(quiet, $"  [{way.Key}] pipeline summary: {times.Median:F2} ms median");
        }

        if (options.Runs(Scenarios.TicketLifecycle))
        {
            Settle();
            var times = new Latencies();
            foreach (var ticket in data.LifecycleTickets())
            {
                await times.TimeAsync(async () => { await way.TicketLifecycleAsync(ticket); return 0; });
            }

            results[Scenarios.TicketLifecycle] = times.ToMeasurement($"{times.Count} tickets");
            Say(quiet, $"  [{way.Key}] ticket lifecycle: {times.Median:F2} ms median ({times.Count / times.TotalSeconds:F0} tickets/s)");
        }

        if (options.Runs(Scenarios.Scan))
        {
            Settle();
            var started = Stopwatch.GetTimestamp();
            long rows = 0, check = 0;
            for (var customer = 0; customer < shape.Customers; customer++)
            {
                var scanned = await way.ScanTimelineAsync(customer);
                rows += scanned.Count;
                check += (long)scanned.Amount;
            }

            var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            results[Scenarios.Scan] = new Measurement(rows / seconds, null, HigherIsBetter: true, $"{rows} rows, Σt={check}");
            Say(quiet, $"  [{way.Key}] scan: {rows / seconds:N0} rows/s ({rows:N0} rows in {seconds:F1} s)");
        }

        return results;
    }

    /// <summary>
    /// Before each scenario: flush the operating system's dirty pages (earlier scenarios' and ways' writes), so
    /// that one way's fsyncs do not pay for another's write-back, then collect garbage.
    /// </summary>
    private static void Settle()
    {
        if (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS())
        {
            try
            {
                using var sync = Process.Start(new ProcessStartInfo("sync") { UseShellExecute = false });
                sync?.WaitForExit();
            }
            catch (System.ComponentModel.Win32Exception)
            {
                // No sync command: carry on without.
            }
        }

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    private void Say(bool quiet, string line)
    {
        if (!quiet)
        {
            log.WriteLine(line);
        }
    }
}
