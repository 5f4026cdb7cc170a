using System.Diagnostics;
using System.Globalization;
using Crm.Sdk.ProviderKit.Migration;
using Crm.Sdk.Specification.Tests.Crm.HostileInput;
using Crm.Sdk.Specification.Tests.Storage;
using Xunit;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Crm.Sdk.Specification.Tests.Crm;

/// <summary>
/// The hostile-input corpus: well over a thousand cases, generated from tables and FsCheck generators, each run through
/// the public API (<see cref="ICrm"/>'s services and <see cref="ICrmUnitOfWork"/>) on the provider, with and without
/// field encryption. For every case the store is exported before and after the call and the outcome is judged against
/// the contract:
/// <list type="number">
/// <item>a failure is typed: a <see cref="CrmException"/> (a <see cref="CrmValidationException"/> names the field and
/// the rule the contract gives for the input), or <see cref="ArgumentNullException"/> for a null argument,
/// <see cref="InvalidOperationException"/> for a committed unit of work, <see cref="OperationCanceledException"/> for a
/// cancelled call; never another exception;</item>
/// <item>a failed call wrote nothing: the export before and after is identical, document by document;</item>
/// <item>a call that wrote reported success: a cancelled call either threw and wrote nothing, or returned normally.</item>
/// </list>
/// Accepted inputs are read back through the public API and must be stored exactly (emoji, CJK, right-to-left text).
/// The counts per category and outcome are written to the test output and to a report file in the temporary folder.
/// </summary>
/// <typeparam name="TFixture">The provider's fixture.</typeparam>
/// <param name="fixture">The fixture.</param>
/// <param name="output">The test output.</param>
public abstract class HostileInputCorpusTests<TFixture>(TFixture fixture, ITestOutputHelper output) : CrmConformanceTestBase<TFixture>(fixture)
    where TFixture : StoreFixture
{
    /// <summary>The fewest cases a run must have (per provider and encryption mode).</summary>
    public const int MinimumCases = 1_000;

    /// <summary>The most cases run in one database.</summary>
    private const int ChunkSize = 100;

    /// <summary>The seed of the generated parts of the corpus; <c>CRM_CORPUS_SEED</c> overrides it to explore other inputs.</summary>
    protected static int Seed { get; } =
        int.TryParse(Environment.GetEnvironmentVariable("CRM_CORPUS_SEED"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var seed) ? seed : 20_250_303;

    /// <summary>The corpus without field encryption.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public virtual Task Hostile_inputs_fail_typed_and_write_nothing_without_encryption() => RunCorpusAsync(encrypted: false);

    /// <summary>The corpus with field encryption on.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public virtual Task Hostile_inputs_fail_typed_and_write_nothing_with_field_encryption() => RunCorpusAsync(encrypted: true);

    /// <summary>The parts of the corpus, each run in a database of its own (so that snapshots stay small).</summary>
    /// <returns>The parts.</returns>
    private static IEnumerable<CorpusPart> Parts() =>
    [
        new("text", "customers", w => TextTargets.Customers(w).SelectMany(t => t.Cases("text"))),
        new("text", "interactions", w => TextTargets.Interactions(w).SelectMany(t => t.Cases("text"))),
        new("text", "pipelines and deals", w => TextTargets.PipelinesAndDeals(w).SelectMany(t => t.Cases("text"))),
        new("text", "tickets", w => TextTargets.Tickets(w).SelectMany(t => t.Cases("text"))),
        new("text", "generated (FsCheck)", w => GeneratedTextCases.Cases(w, 120)),
        new(BoundaryCases.Category, "dates, instants, amounts, currencies, totals", BoundaryCases.Cases),
        new(EnumCases.Category, "drafts, commands and read filters", EnumCases.Cases),
        new(ContinuationTokenCases.Category, "six keyset-paged lists", ContinuationTokenCases.CasesAsync),
        new(ReferenceCases.Category, "missing, foreign and default ids; null arguments; committed units", ReferenceCases.Cases),
        new("status changes", "every ticket status to every status", ReferenceCases.StatusCases),
        new(CancellationCases.Category, "cancelled tokens at generated points", CancellationCases.CasesAsync),
        new(BatchCases.Category, "one bad element at a generated position", BatchCases.Cases),
    ];

    private async Task RunCorpusAsync(bool encrypted)
    {
        var mode = encrypted ? "encrypted" : "plain";
        var tally = new CorpusTally();
        var started = Stopwatch.GetTimestamp();
        IReadOnlyList<string>? collections = null;
        output.WriteLine($"Hostile-input corpus on {Fixture.ProviderName}, {mode}, seed {Seed}");
        foreach (var part in Parts())
        {
            // A part runs in databases of at most ChunkSize cases each, so that a snapshot never exports much.
            var partStarted = Stopwatch.GetTimestamp();
            var (count, calls, snapshots) = (0, TimeSpan.Zero, TimeSpan.Zero);
            for (var chunk = 0; ; chunk++)
            {
                await using var host = CorpusHost.Open(Fixture, part.Category, encrypted, ConfigureCorpus);
                var world = await CorpusWorld.SeedAsync(host, Seed);
                collections ??= await CollectionsAsync(host);
                host.Collections = collections;
                var runner = new CorpusRunner(host, tally);
                var ran = 0;
                foreach (var corpusCase in (await part.BuildAsync(world)).Skip(chunk * ChunkSize).Take(ChunkSize))
                {
                    await runner.RunAsync(corpusCase);
                    ran++;
                }

                (count, calls, snapshots) = (count + ran, calls + runner.CallTime, snapshots + runner.SnapshotTime);
                if (ran < ChunkSize)
                {
                    break;
                }
            }

            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  part {part.Category}/{part.Name}: {count} cases in {Stopwatch.GetElapsedTime(partStarted).TotalSeconds:0.0} s (calls {calls.TotalSeconds:0.0} s, snapshots {snapshots.TotalSeconds:0.0} s)"));
        }

        var elapsed = Stopwatch.GetElapsedTime(started);
        var total = tally.Total;
        var line = CorpusTally.Line(total);
        var report = string.Create(CultureInfo.InvariantCulture, $"{Fixture.ProviderName}, {mode}: {line} ({elapsed.TotalSeconds:0.0} s)\n\n{tally.Table()}\n{tally.ViolationReport()}");
        var file = Path.Combine(Path.GetTempPath(), $"crm-hostile-corpus-{Fixture.ProviderName.ToLowerInvariant()}-{mode}.txt");
        await File.WriteAllTextAsync(file, report);
        output.WriteLine(tally.Table());
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{line} in {elapsed.TotalSeconds:0.0} s; every violation: {file}"));

        Assert.True(total.Cases >= MinimumCases, $"The corpus ran {total.Cases} cases; it must run at least {MinimumCases}.");
        foreach (var category in tally.Categories)
        {
            var counts = tally[category];
            if (counts.AcceptedAsExpected == 0 || counts.TypedErrors == 0)
            {
                throw new XunitException($"Category '{category}' is one-sided: {counts.AcceptedAsExpected} input(s) accepted as the contract expects, {counts.TypedErrors} typed error(s); it must exercise both.");
            }
        }

        var expected = CorpusTally.Line(new CorpusTally.Counts
        {
            Cases = total.Cases,
            TypedErrors = total.TypedErrors,
            Accepted = total.Accepted,
        });
        if (line != expected)
        {
            throw new XunitException($"{line}\n\n{tally.Table()}\n{tally.ViolationReport(limit: 12)}\nEvery violation: {file}");
        }
    }

    private void ConfigureCorpus(CrmOptions options)
    {
        Configure(options);

        // No background work may write while the corpus compares snapshots.
        options.RunDataUpgradesInBackground = false;
    }

    /// <summary>The collections of the CRM's schema, as a migration of the first part's database to an empty one reports them.</summary>
    private async Task<IReadOnlyList<string>> CollectionsAsync(CorpusHost host)
    {
        var target = await Fixture.CreateStoreAsync(Fixture.NewDatabaseName("corpusschema"));
        try
        {
            var result = await CrmStoreMigration.CopyAsync(await host.SnapshotStoreAsync(), target, batchSize: 1_000);
            return result.Collections.Select(c => c.Key).ToArray();
        }
        finally
        {
            await Fixture.ReleaseStoreAsync(target);
        }
    }
}

/// <summary>A part of the corpus: cases of one category that run in a database of their own.</summary>
/// <param name="Category">The category the cases are counted under.</param>
/// <param name="Name">The part's name.</param>
/// <param name="Build">Builds the cases over the part's seeded world.</param>
internal sealed record CorpusPart(string Category, string Name, Func<CorpusWorld, Task<IEnumerable<CorpusCase>>> Build)
{
    /// <summary>A part whose cases need no further preparation.</summary>
    /// <param name="category">The category.</param>
    /// <param name="name">The name.</param>
    /// <param name="build">Builds the cases.</param>
    public CorpusPart(string category, string name, Func<CorpusWorld, IEnumerable<CorpusCase>> build)
        : this(category, name, w => Task.FromResult(build(w)))
    {
    }

    /// <summary>Builds the cases.</summary>
    /// <param name="world">The world.</param>
    /// <returns>The cases.</returns>
    public Task<IEnumerable<CorpusCase>> BuildAsync(CorpusWorld world) => Build(world);
}
