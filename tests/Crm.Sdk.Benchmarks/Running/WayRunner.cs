using System.Diagnostics;
using System.Globalization;
using Crm.Sdk.Benchmarks.Data;
using Crm.Sdk.Benchmarks.Ways;

namespace Crm.Sdk.Benchmarks.Running;

/// <summary>
/// Runs every scenario against several ways at once, interleaved: each way is first warmed up on a small file of its
/// own (to steady state), then every batch of the ingest, and every block of 20 calls of a read scenario, runs on each
/// way in turn.
/// A drift of the machine's speed (other tenants of a VM, thermal limits, background work) then lands on every way
/// alike, instead of on whichever way ran during it.
/// </summary>
internal sealed class WayRunner(BenchOptions options, TextWriter log)
{
    private const int MinWarmUpRounds = 3;

    /// <summary>Consecutive calls of one way between switches (see <see cref="InterleaveAsync"/>).</summary>
    private const int BlockSize = 20;
    private static readonly TimeSpan WarmUpTime = TimeSpan.FromSeconds(3);

    /// <summary>Measures <paramref name="ways"/> on <paramref name="data"/>, their files named with <paramref name="suffix"/>; results by way key.</summary>
    public async Task<Dictionary<string, Dictionary<string, Measurement>>> RunAsync(IReadOnlyList<(string Key, Func<string, IWay> Create)> ways, string suffix, DataGenerator data)
    {
        foreach (var (key, create) in ways)
        {
            await WarmUpAsync(key, create(Path.Combine(options.Directory, key + suffix + "-warmup.db")));
        }

        var opened = new List<IWay>();
        try
        {
            foreach (var (key, create) in ways)
            {
                opened.Add(create(Path.Combine(options.Directory, key + suffix + ".db")));
            }

            var results = opened.ToDictionary(w => w.Key, _ => new Dictionary<string, Measurement>(StringComparer.Ordinal), StringComparer.Ordinal);
            foreach (var (scenario, perWay) in (await IngestAsync(opened, data, quiet: false)).Concat(await ReadsAsync(opened, data, quiet: false)))
            {
                for (var i = 0; i < opened.Count; i++)
                {
                    results[opened[i].Key][scenario] = perWay[i];
                }
            }

            return results;
        }
        finally
        {
            foreach (var way in opened)
            {
                await way.DisposeAsync();
            }
        }
    }

    // Until steady state: the reads run again and again for a few seconds, so that every way's code is past tiered
    // compilation's first tiers (and its dynamic PGO) before anything is timed. One pass is not enough: a method needs
    // 30 calls and then a background recompile before it runs optimized.
    private async Task WarmUpAsync(string key, IWay warm)
    {
        await using (warm)
        {
            var started = Stopwatch.GetTimestamp();
            var warmUpData = new DataGenerator(DataShape.WarmUp);
            await IngestAsync([warm], warmUpData, quiet: true);
            var rounds = 0;
            do
            {
                await ReadsAsync([warm], warmUpData, quiet: true);
                rounds++;
            }
            while (rounds < MinWarmUpRounds || Stopwatch.GetElapsedTime(started) < WarmUpTime);

            log.WriteLine($"  [{key}] warm-up: {rounds} rounds of the scenarios in {Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s (not counted)");
        }
    }

    /// <summary>Sets the ways up and records every interaction of <paramref name="data"/>, batch by batch on each way in turn: the (a) scenario.</summary>
    private async Task<Dictionary<string, Measurement[]>> IngestAsync(List<IWay> ways, DataGenerator data, bool quiet)
    {
        var shape = data.Shape;
        foreach (var way in ways)
        {
            var setup = Stopwatch.GetTimestamp();
            await way.SetupAsync(data);
            Say(quiet, $"  [{way.Key}] setup: {shape.Customers:N0} customers, {shape.Deals:N0} deals, {shape.SetupTickets:N0} tickets in {Stopwatch.GetElapsedTime(setup).TotalSeconds:F1} s (not counted)");
        }

        // (a) Ingest: always run (the other scenarios read its data); only the ways' own work is timed, not generation.
        Settle();
        var batches = ways.Select(_ => new Latencies()).ToArray();
        for (var b = 0; b < shape.Batches; b++)
        {
            var batch = data.Batch(b);
            for (var i = 0; i < ways.Count; i++)
            {
                await batches[i].TimeAsync(async () => { await ways[i].IngestAsync(batch); return 0; });
            }
        }

        var results = new Measurement[ways.Count];
        for (var i = 0; i < ways.Count; i++)
        {
            var rate = shape.Interactions / batches[i].TotalSeconds;
            results[i] = new Measurement(rate, null, HigherIsBetter: true, shape.Interactions.ToString(CultureInfo.InvariantCulture));
            Say(quiet, $"  [{ways[i].Key}] ingest: {rate:N0} rows/s ({batches[i].TotalSeconds:F1} s; batch median {batches[i].Median:F1} ms, p95 {batches[i].P95:F1} ms)");
        }

        return new Dictionary<string, Measurement[]>(StringComparer.Ordinal) { [Scenarios.Ingest] = results };
    }

    /// <summary>The (b) to (g) scenarios, on the data <see cref="IngestAsync"/> recorded, each call on each way in turn.</summary>
    private async Task<Dictionary<string, Measurement[]>> ReadsAsync(List<IWay> ways, DataGenerator data, bool quiet)
    {
        var shape = data.Shape;
        var results = new Dictionary<string, Measurement[]>(StringComparer.Ordinal);
        var (previous, calls) = ("ingest", 0);

        if (options.Runs(Scenarios.TimelineFirst) || options.Runs(Scenarios.TimelineNext))
        {
            await SettleAsync(ways, quiet, previous, calls);
            var first = New<Latencies>(ways);
            var next = New<Latencies>(ways);
            var items = new long[ways.Count];
            var check = new long[ways.Count];
            await InterleaveAsync(ways.Count, data.Sample(shape.TimelineSamples, salt: 1), async (i, customer) =>
            {
                var way = ways[i];
                var page = await first[i].TimeAsync(() => way.TimelinePageAsync(customer, null));
                items[i] += page.Count;
                check[i] += page.Check;
                if (page.Next is not null)
                {
                    var second = await next[i].TimeAsync(() => way.TimelinePageAsync(customer, page.Next));
                    items[i] += second.Count;
                    check[i] += second.Check;
                }
            });

            results[Scenarios.TimelineFirst] = [.. ways.Select((_, i) => first[i].ToMeasurement($"{items[i]} items, Σt={check[i]}"))];
            results[Scenarios.TimelineNext] = [.. ways.Select((_, i) => next[i].ToMeasurement($"{items[i]} items, Σt={check[i]}"))];
            (previous, calls) = ("the timeline pages", first[0].Count + next[0].Count);
            SayEach(quiet, ways, i => $"timeline: first {first[i].Median:F2} ms, next {next[i].Median:F2} ms (median of {first[i].Count} and {next[i].Count})");
        }

        if (options.Runs(Scenarios.FindByEmail))
        {
            await SettleAsync(ways, quiet, previous, calls);
            var customers = data.Customers();
            var times = New<Latencies>(ways);
            var found = new int[ways.Count];
            await InterleaveAsync(ways.Count, data.Sample(shape.EmailLookups, salt: 2), async (i, customer) =>
            {
                // As a user types it: different case, stray spaces.
                var email = "  " + customers[customer].Email.ToUpperInvariant() + " ";
                found[i] += await times[i].TimeAsync(() => ways[i].FindByEmailAsync(email));
            });

            results[Scenarios.FindByEmail] = [.. ways.Select((_, i) => times[i].ToMeasurement($"{found[i]} found"))];
            (previous, calls) = ("find by email", times[0].Count);
            SayEach(quiet, ways, i => $"find by email: {times[i].Median:F2} ms median ({found[i]} found of {times[i].Count})");
        }

        if (options.Runs(Scenarios.Customer360))
        {
            await SettleAsync(ways, quiet, previous, calls);
            var times = New<Latencies>(ways);
            var count = new long[ways.Count];
            var amount = new decimal[ways.Count];
            await InterleaveAsync(ways.Count, data.Sample(shape.SummarySamples, salt: 3), async (i, customer) =>
            {
                var result = await times[i].TimeAsync(() => ways[i].SummaryAsync(customer));
                count[i] += result.Count;
                amount[i] += result.Amount;
            });

            results[Scenarios.Customer360] = [.. ways.Select((_, i) => times[i].ToMeasurement($"n={count[i]}, EUR {amount[i]:F2}"))];
            (previous, calls) = ("the 360° summaries", times[0].Count);
            SayEach(quiet, ways, i => $"360° summary: {times[i].Median:F2} ms median");
        }

        if (options.Runs(Scenarios.PipelineSummary))
        {
            await SettleAsync(ways, quiet, previous, calls);
            var times = New<Latencies>(ways);
            var last = new SummaryCheck[ways.Count];
            await InterleaveAsync(ways.Count, Enumerable.Range(0, shape.PipelineSamples), async (i, _) => last[i] = await times[i].TimeAsync(ways[i].PipelineSummaryAsync));

            results[Scenarios.PipelineSummary] = [.. ways.Select((_, i) => times[i].ToMeasurement($"{last[i].Count} deals, EUR {last[i].Amount:F2}"))];
            (previous, calls) = ("the pipeline summaries", times[0].Count);
            SayEach(quiet, ways, i => $"pipeline summary: {times[i].Median:F2} ms median");
        }

        if (options.Runs(Scenarios.TicketLifecycle))
        {
            await SettleAsync(ways, quiet, previous, calls);
            var times = New<Latencies>(ways);
            await InterleaveAsync(ways.Count, data.LifecycleTickets(), (i, ticket) => times[i].TimeAsync(async () => { await ways[i].TicketLifecycleAsync(ticket); return 0; }));

            results[Scenarios.TicketLifecycle] = [.. ways.Select((_, i) => times[i].ToMeasurement($"{times[i].Count} tickets"))];
            (previous, calls) = ("the ticket lifecycles", times[0].Count);
            SayEach(quiet, ways, i => $"ticket lifecycle: {times[i].Median:F2} ms median ({times[i].Count / times[i].TotalSeconds:F0} tickets/s)");
        }

        if (options.Runs(Scenarios.Scan))
        {
            await SettleAsync(ways, quiet, previous, calls);
            var times = New<Latencies>(ways);
            var rows = new long[ways.Count];
            var check = new long[ways.Count];
            await InterleaveAsync(ways.Count, Enumerable.Range(0, shape.Customers), async (i, customer) =>
            {
                var scanned = await times[i].TimeAsync(() => ways[i].ScanTimelineAsync(customer));
                rows[i] += scanned.Count;
                check[i] += (long)scanned.Amount;
            });

            results[Scenarios.Scan] = [.. ways.Select((_, i) => new Measurement(rows[i] / times[i].TotalSeconds, null, HigherIsBetter: true, $"{rows[i]} rows, Σt={check[i]}"))];
            (previous, calls) = ("the scan", shape.Customers);
            SayEach(quiet, ways, i => $"scan: {rows[i] / times[i].TotalSeconds:N0} rows/s ({rows[i]:N0} rows in {times[i].TotalSeconds:F1} s)");
        }

        await SettleAsync(ways, quiet, previous, calls);
        return results;
    }

    /// <summary>
    /// Runs <paramref name="call"/> for every item on every way, in blocks: each way in turn runs a block of
    /// <see cref="BlockSize"/> consecutive items. A block keeps a way's caches as warm as running it alone would; the
    /// alternation keeps a drift of the machine's speed from landing on one way.
    /// </summary>
    private static async Task InterleaveAsync<T>(int ways, IEnumerable<T> items, Func<int, T, Task> call)
    {
        foreach (var block in items.Chunk(BlockSize))
        {
            for (var i = 0; i < ways; i++)
            {
                foreach (var item in block)
                {
                    await call(i, item);
                }
            }
        }
    }

    private static T[] New<T>(List<IWay> ways)
        where T : new() => [.. ways.Select(_ => new T())];

    /// <summary>
    /// Before each scenario: every way finishes what the previous scenario deferred (reported, with its cost per call of
    /// that scenario, so that it is neither hidden nor charged to the next scenario's calls); then <see cref="Settle"/>.
    /// </summary>
    private async Task SettleAsync(List<IWay> ways, bool quiet, string previous, int calls)
    {
        foreach (var way in ways)
        {
            var deferred = await way.FinishDeferredWorkAsync();
            if (deferred > TimeSpan.Zero && calls > 0)
            {
                Say(quiet, $"  [{way.Key}] deferred work of {previous} (audit entries of reads), written afterwards: {deferred.TotalMilliseconds:F1} ms, {deferred.TotalMilliseconds * 1000 / calls:F0} µs per call");
            }
        }

        Settle();
    }

    /// <summary>
    /// Flushes the operating system's dirty pages (earlier scenarios' and ways' writes), so that one way's fsyncs do not
    /// pay for another's write-back, then collects garbage.
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

    private void SayEach(bool quiet, List<IWay> ways, Func<int, string> line)
    {
        for (var i = 0; i < ways.Count; i++)
        {
            Say(quiet, $"  [{ways[i].Key}] {line(i)}");
        }
    }

    private void Say(bool quiet, string line)
    {
        if (!quiet)
        {
            log.WriteLine(line);
        }
    }
}
