using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Crm.Sdk.Audit;
using Crm.Sdk.Customers;
using Crm.Sdk.Deals;
using Crm.Sdk.Encryption;
using Crm.Sdk.Import;
using Crm.Sdk.Interactions;
using Crm.Sdk.Pipelines;
using Crm.Sdk.ProviderKit;
using Crm.Sdk.Security;
using Crm.Sdk.Specification.Tests.Storage;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Crm.Sdk.Specification.Tests.Crm;

/// <summary>
/// Import and bulk export (Crm.Sdk.Import) on a real database: the Online Retail and Maven data sets imported with
/// every row accounted for and totals equal to an independent reading of the files, idempotent re-import, resume after a
/// cancellation, dry run, access control and audit, and export then import round trip. Access control and the audit
/// trail are on; a provider may also turn field encryption on (<see cref="Encrypted"/>).
/// </summary>
/// <typeparam name="TFixture">The provider's fixture.</typeparam>
public abstract class ImportConformanceTests<TFixture>(TFixture fixture) : CrmConformanceTestBase<TFixture>(fixture)
    where TFixture : StoreFixture
{
    private static readonly string[] AllCollections = ["customers", "interactions", "deals", "pipelines", "tickets", "domain_events", "audit_entries", "data_keys"];

    private readonly SwitchableActor _actor = new();
    private readonly string _work = Directory.CreateTempSubdirectory("crm-import-tests-").FullName;

    /// <summary>Whether field encryption is on (an enrolling class may turn it on).</summary>
    protected virtual bool Encrypted => false;

    /// <summary>
    /// Online Retail: 30,000 rows imported as customers and purchases/refunds. Every row has exactly one outcome in the
    /// report (with its line), the counts match an independent reading of the file (rows without a customer, exact
    /// duplicates, zero amounts), and the stored purchase and refund totals equal the file's; a second run changes nothing.
    /// </summary>
    /// <returns>A task.</returns>
    [Fact]
    public virtual async Task Online_Retail_rows_are_all_accounted_for_and_totals_match_an_independent_reading()
    {
        var expected = ExpectedOnlineRetail();
        var mapping = ImportMapping.Load(ImportTestData.PathOf("online-retail", "purchases.map.json"));
        var report = Path.Combine(_work, "report.jsonl");

        var first = await new CrmImporter(Crm).ImportAsync(mapping, ImportTestData.PathOf("online-retail", "OnlineRetail.csv"), new ImportOptions { ReportPath = report });

        Assert.Equal(30_000, expected.Rows);
        Assert.Equal((expected.Rows, expected.Created, expected.Duplicates, expected.Rejected, 0L, 0L), (first.Rows, first.Created, first.SkippedDuplicates, first.Rejected, first.Updated, first.Unchanged));
        Assert.Equal(first.Rows, first.Created + first.Updated + first.Unchanged + first.SkippedDuplicates + first.Rejected + first.Merged);
        Assert.InRange(expected.Duplicates, 20, 30);
        Assert.InRange(expected.NoCustomer, 1_900, 2_100);
        Assert.Equal(expected.Customers.Count, first.CustomersCreated);
        var lines = ReportLines(report);
        Assert.Equal(Enumerable.Range(2, 30_000).Select(i => (long)i), lines.Select(l => l.Line).Order());
        Assert.Equal(expected.NoCustomer, lines.Count(l => l.Outcome == "rejected" && l.Rules.Contains("key:required")));

        var stored = await StoredOnlineRetailAsync();
        Assert.Equal(expected.Customers.Order(StringComparer.Ordinal), stored.Keys.Order(StringComparer.Ordinal));
        Assert.Equal((expected.Purchases, expected.PurchaseTotal, expected.Refunds, expected.RefundTotal), (stored.Purchases, stored.PurchaseTotal, stored.Refunds, stored.RefundTotal));
        Assert.InRange(expected.Refunds, 500, 700);

        var second = await new CrmImporter(Crm).ImportAsync(mapping, ImportTestData.PathOf("online-retail", "OnlineRetail.csv"));

        Assert.Equal((0L, 0L, first.Created, first.SkippedDuplicates, first.Rejected, 0L), (second.Created, second.Updated, second.Unchanged, second.SkippedDuplicates, second.Rejected, second.CustomersCreated));
        Assert.Equal(stored, await StoredOnlineRetailAsync());
    }

    /// <summary>
    /// Maven pipeline: accounts as company customers, then 8,800 opportunities as deals with their stages; 1,425 without an
    /// account are rejected naming the key, "GTXPro" becomes "GTX Pro", and the win count and won value equal an
    /// independent computation (4,238 and 10,005,534). A second run of both files changes nothing.
    /// </summary>
    /// <returns>A task.</returns>
    [Fact]
    public virtual async Task Maven_pipeline_imports_with_win_count_and_won_value_equal_to_an_independent_computation()
    {
        var pipeline = await CreateMavenPipelineAsync(Crm);
        var (accounts, deals) = await ImportMavenAsync(Crm, null);

        var expected = ExpectedMaven();
        Assert.Equal((85L, 85L), (accounts.Rows, accounts.Created));
        Assert.Equal((8_800L, 8_800L - 1_425L, 1_425L), (deals.Rows, deals.Created, deals.Rejected));
        Assert.Equal((4_238, 10_005_534m), (expected.Won, expected.WonValue));
        var stored = await StoredDealsAsync(Crm, pipeline);
        Assert.Equal(expected.Won, stored.Count(d => d.Status == DealStatus.Won));
        Assert.Equal(expected.WonValue, stored.Where(d => d.Status == DealStatus.Won).Sum(d => d.Amount.Amount));
        Assert.Equal(expected.Lost, stored.Count(d => d.Status == DealStatus.Lost));
        Assert.DoesNotContain(stored, d => d.Name.Contains("GTXPro", StringComparison.Ordinal));
        Assert.Equal(expected.GtxPro, stored.Count(d => d.Name.EndsWith(" GTX Pro", StringComparison.Ordinal)));
        var won = stored.First(d => d.Status == DealStatus.Won);
        Assert.Equal([pipeline.Stages[0].Id, pipeline.Stages[2].Id], won.StageHistory.Select(s => s.StageId));
        var technology = await Crm.Customers.StreamAsync(new CustomerFilter { Tag = "technology" }).CountAsync();
        Assert.Equal(expected.TechnologyAccounts, technology);

        var (accountsAgain, dealsAgain) = await ImportMavenAsync(Crm, null);

        Assert.Equal((85L, 0L, 0L), (accountsAgain.Unchanged, accountsAgain.Created, accountsAgain.Updated));
        Assert.Equal((deals.Created, 0L, 0L, 1_425L), (dealsAgain.Unchanged, dealsAgain.Created, dealsAgain.Updated, dealsAgain.Rejected));
        Assert.Equal(Snapshot(stored), Snapshot(await StoredDealsAsync(Crm, pipeline)));
    }

    /// <summary>
    /// An import cancelled from its progress callback after 3,000 rows, then run again with the same checkpoint, ends with
    /// the same store as an uninterrupted import into another database, and its report has each row exactly once.
    /// </summary>
    /// <returns>A task.</returns>
    [Fact]
    public virtual async Task Cancelled_import_resumes_from_its_checkpoint_to_the_same_store_as_an_uninterrupted_one()
    {
        var pipeline = await CreateMavenPipelineAsync(Crm);
        #region resume
        var checkpoint = Path.Combine(_work, "deals.checkpoint");
        var report = Path.Combine(_work, "deals.jsonl");
        using var cancel = new CancellationTokenSource();
        var progress = new SynchronousProgress(p =>
        {
            if (p.RowsDone >= 3_000)
            {
                cancel.Cancel();
            }
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ImportMavenAsync(Crm, new ImportOptions { CheckpointPath = checkpoint, ReportPath = report, BatchSize = 500 }, progress, cancel.Token));
        Assert.True(File.Exists(checkpoint));
        Assert.Equal(3_000, ReportLines(report).Count);
        var partial = await StoredDealsAsync(Crm, pipeline);
        Assert.InRange(partial.Count, 1, 3_000);

        var resumed = await new CrmImporter(Crm).ImportAsync(
            ImportMapping.Load(ImportTestData.PathOf("maven-crm", "sales_pipeline.map.json")),
            ImportTestData.PathOf("maven-crm", "sales_pipeline.csv"),
            new ImportOptions { CheckpointPath = checkpoint, ReportPath = report, BatchSize = 500 });
        #endregion

        Assert.Equal((8_800L, 3_000L, 7_375L, 1_425L), (resumed.Rows, resumed.ResumedRows, resumed.Created, resumed.Rejected));
        Assert.False(File.Exists(checkpoint));
        Assert.Equal(Enumerable.Range(2, 8_800).Select(i => (long)i), ReportLines(report).Select(l => l.Line).Order());
        var other = OpenCrmOver(Fixture.NewDatabaseName(GetType().Name + "-whole"));
        var otherPipeline = await CreateMavenPipelineAsync(other);
        await ImportMavenAsync(other, null);
        Assert.Equal(Snapshot(await StoredDealsAsync(other, otherPipeline)), Snapshot(await StoredDealsAsync(Crm, pipeline)));
    }

    /// <summary>
    /// A dry run reports the same outcomes as the real import would, with each new record's fields as its diff, and
    /// writes nothing: every stored document (audit trail included) is byte-for-byte as before.
    /// </summary>
    /// <returns>A task.</returns>
    [Fact]
    public virtual async Task Dry_run_reports_outcomes_and_diffs_and_writes_nothing()
    {
        await CreateMavenPipelineAsync(Crm);
        await new CrmImporter(Crm).ImportAsync(ImportMapping.Load(ImportTestData.PathOf("maven-crm", "accounts.map.json")), ImportTestData.PathOf("maven-crm", "accounts.csv"));
        var audit = Services.GetRequiredService<IAuditTrail>();
        var auditedWrites = await audit.StreamAsync(AuditFilter.All).CountAsync(e => e.Action is AuditAction.Create or AuditAction.Update or AuditAction.Delete or AuditAction.Import);
        var before = await RawStoreDigestAsync(withAudit: false);
        var report = Path.Combine(_work, "dry.jsonl");

        var dry = await new CrmImporter(Crm).ImportAsync(
            ImportMapping.Load(ImportTestData.PathOf("maven-crm", "sales_pipeline.map.json")),
            ImportTestData.PathOf("maven-crm", "sales_pipeline.csv"),
            new ImportOptions { DryRun = true, ReportPath = report });

        // Reads (and reading the audit trail) are audited, a dry run's included; no record is written.
        Assert.Equal(before, await RawStoreDigestAsync(withAudit: false));
        Assert.Equal(auditedWrites, await audit.StreamAsync(AuditFilter.All).CountAsync(e => e.Action is AuditAction.Create or AuditAction.Update or AuditAction.Delete or AuditAction.Import));
        Assert.Equal((true, 8_800L, 7_375L, 1_425L), (dry.DryRun, dry.Rows, dry.Created, dry.Rejected));
        using var firstCreated = JsonDocument.Parse(File.ReadLines(report).First(l => l.Contains("\"created\"", StringComparison.Ordinal)));
        var changes = firstCreated.RootElement.GetProperty("changes").EnumerateArray().Select(c => c.GetProperty("field").GetString()).ToList();
        Assert.Contains("name", changes);
        Assert.Contains("stage", changes);

        var renamed = ImportMapping.Load(ImportTestData.PathOf("maven-crm", "accounts.map.json"));
        renamed.Customer["displayName"] = new FieldSource { Columns = ["account", "office_location"], Separator = " / " };
        var dryUpdate = await new CrmImporter(Crm).ImportAsync(renamed, ImportTestData.PathOf("maven-crm", "accounts.csv"), new ImportOptions { DryRun = true, ReportPath = report });
        Assert.Equal((85L, 85L), (dryUpdate.Rows, dryUpdate.Updated));
        using var updated = JsonDocument.Parse(File.ReadLines(report).First());
        var change = updated.RootElement.GetProperty("changes").EnumerateArray().Single(c => c.GetProperty("field").GetString() == "displayName");
        Assert.EndsWith(" / United States", change.GetProperty("after").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await RawStoreDigestAsync(withAudit: false));
        Assert.Equal(auditedWrites, await audit.StreamAsync(AuditFilter.All).CountAsync(e => e.Action is AuditAction.Create or AuditAction.Update or AuditAction.Delete or AuditAction.Import));
    }

    /// <summary>
    /// An actor whose role may create and update every customer but not import them is denied before anything is written; an actor with
    /// the Import permission imports, and each committed batch adds one Import audit entry naming the records it wrote.
    /// </summary>
    /// <returns>A task.</returns>
    [Fact]
    public virtual async Task Import_needs_the_import_permission_and_audits_each_committed_batch()
    {
        var mapping = ImportMapping.Load(ImportTestData.PathOf("maven-crm", "accounts.map.json"));
        var before = await RawStoreDigestAsync();
        _actor.Current = new CrmActor("clerk-1", roles: ["clerk"]);

        var denied = await Assert.ThrowsAsync<AccessDeniedException>(() => new CrmImporter(Crm).ImportAsync(mapping, ImportTestData.PathOf("maven-crm", "accounts.csv")));

        Assert.Equal(CrmAction.Import, denied.Action);
        _actor.Current = CrmActor.System;
        Assert.Empty(await Crm.Customers.StreamAsync(CustomerFilter.All).ToListAsync());

        _actor.Current = new CrmActor("admin-1", roles: [BuiltInRoles.Administrator]);
        var summary = await new CrmImporter(Crm).ImportAsync(mapping, ImportTestData.PathOf("maven-crm", "accounts.csv"), new ImportOptions { BatchSize = 40 });

        Assert.Equal(85L, summary.Created);
        _actor.Current = CrmActor.System;
        var audit = Services.GetRequiredService<IAuditTrail>();
        var importEntries = await audit.StreamAsync(AuditFilter.All).Where(e => e.Action == AuditAction.Import).ToListAsync();
        Assert.Equal(("clerk-1", AuditOutcome.Denied), importEntries.Where(e => e.Outcome == AuditOutcome.Denied).Select(e => (e.ActorId, e.Outcome)).Single());
        var imports = importEntries.Where(e => e.Outcome == AuditOutcome.Succeeded).ToList();
        Assert.Equal(3, imports.Count);
        Assert.All(imports, e => Assert.Equal(("admin-1", CrmResource.Customers), (e.ActorId, e.Resource)));
        var customers = await Crm.Customers.StreamAsync(CustomerFilter.All).Select(c => c.Id.Value).ToListAsync();
        Assert.Equal(customers.Order(), imports.SelectMany(e => e.RecordIds).Order());
        Assert.Equal([40, 40, 5], imports.OrderBy(e => e.Sequence).Select(e => e.RecordIds.Count));
        Assert.NotEqual(before, await RawStoreDigestAsync());
    }

    /// <summary>
    /// Bulk export of customers and their purchases to CSV and JSON Lines through the same mappings, then import of the
    /// exported files into an empty store: the same customers, tags and purchases.
    /// </summary>
    /// <returns>A task.</returns>
    [Fact]
    public virtual async Task Export_then_import_into_an_empty_store_gives_the_same_data()
    {
        var mapping = ImportMapping.Load(ImportTestData.PathOf("online-retail", "purchases.map.json"));
        var sample = Path.Combine(_work, "sample.csv");
        await File.WriteAllLinesAsync(sample, File.ReadLines(ImportTestData.PathOf("online-retail", "OnlineRetail.csv")).Take(1_501));
        await new CrmImporter(Crm).ImportAsync(mapping, sample);
        var original = await StoredOnlineRetailAsync();

        foreach (var format in new[] { SourceFormat.Csv, SourceFormat.JsonLines })
        {
            var exportMapping = ImportMapping.Load(ImportTestData.PathOf("online-retail", "purchases.map.json"));
            exportMapping.Source.Format = format;
            var exported = Path.Combine(_work, "export." + format);
            var rows = await new CrmExporter(Crm).ExportAsync(exportMapping, exported);
            Assert.Equal(original.Purchases + original.Refunds, rows);

            var target = OpenCrmOver(Fixture.NewDatabaseName(GetType().Name + "-" + format));
            var imported = await new CrmImporter(target).ImportAsync(exportMapping, exported);

            Assert.Equal((rows, rows, 0L), (imported.Rows, imported.Created, imported.Rejected));
            Assert.Equal(original, await StoredOnlineRetailAsync(target));
        }
    }

    /// <inheritdoc />
    protected override void ConfigureCrm(CrmBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<ICrmActorAccessor>(_actor);
        builder.AddAccessControl(o => o.Roles["clerk"] = new CrmRoleOptions().Allow(CrmResource.Customers, AccessLevel.All, CrmAction.Read, CrmAction.Create, CrmAction.Update)).AddAuditTrail();
        if (Encrypted)
        {
            builder.AddFieldEncryption(o =>
            {
                o.RootKeys.Add(new RootKeyOptions { Id = "import", Base64Key = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray()) });
                o.BlindIndexKeys.Add(new BlindIndexKeyOptions { Id = "import-index", Base64Key = Convert.ToBase64String(Enumerable.Range(101, 32).Select(i => (byte)i).ToArray()) });
            });
        }
    }

    private static async Task<Pipeline> CreateMavenPipelineAsync(ICrm crm) => await crm.Pipelines.CreateAsync(new PipelineDraft
    {
        Name = "Maven sales",
        Stages =
        [
            new PipelineStageDraft { Name = "Prospecting", Probability = 0.1m },
            new PipelineStageDraft { Name = "Engaging", Probability = 0.5m },
            new PipelineStageDraft { Name = "Won", Probability = 1m, Outcome = StageOutcome.ClosedWon },
            new PipelineStageDraft { Name = "Lost", Probability = 0m, Outcome = StageOutcome.ClosedLost },
        ],
    });

    private static async Task<(ImportSummary Accounts, ImportSummary Deals)> ImportMavenAsync(ICrm crm, ImportOptions? dealOptions, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var importer = new CrmImporter(crm);
        var accounts = await importer.ImportAsync(ImportMapping.Load(ImportTestData.PathOf("maven-crm", "accounts.map.json")), ImportTestData.PathOf("maven-crm", "accounts.csv"), cancellationToken: cancellationToken);
        var deals = await importer.ImportAsync(ImportMapping.Load(ImportTestData.PathOf("maven-crm", "sales_pipeline.map.json")), ImportTestData.PathOf("maven-crm", "sales_pipeline.csv"), dealOptions, progress, cancellationToken);
        return (accounts, deals);
    }

    private static async Task<List<Deal>> StoredDealsAsync(ICrm crm, Pipeline pipeline) =>
        await crm.Deals.StreamAsync(new DealFilter { PipelineId = pipeline.Id }).ToListAsync();

    private static List<string> Snapshot(List<Deal> deals) =>
        [.. deals.Select(d => $"{d.Name}|{d.Status}|{d.Amount}|{d.ExpectedCloseDate}|{d.OwnerId}|{d.StageHistory.Count}").Order(StringComparer.Ordinal)];

    private static OnlineRetailExpectation ExpectedOnlineRetail()
    {
        var expected = new OnlineRetailExpectation();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(ImportTestData.PathOf("online-retail", "OnlineRetail.csv")).Skip(1))
        {
            expected.Rows++;
            var v = ImportTestData.SplitCsv(line);
            var customer = v[6].Trim();
            if (customer.Length == 0)
            {
                expected.NoCustomer++;
                expected.Rejected++;
                continue;
            }

            if (!seen.Add(string.Join('\u001f', v)))
            {
                expected.Duplicates++;
                continue;
            }

            var amount = Math.Abs(ImportTestData.Number(v[3]) * ImportTestData.Number(v[5]));
            if (amount == 0m)
            {
                expected.Rejected++;
                continue;
            }

            expected.Created++;
            expected.Customers.Add(customer.Split('.')[0]);
            if (v[0].StartsWith('C'))
            {
                expected.Refunds++;
                expected.RefundTotal += amount;
            }
            else
            {
                expected.Purchases++;
                expected.PurchaseTotal += amount;
            }
        }

        return expected;
    }

    private static MavenExpectation ExpectedMaven()
    {
        var expected = new MavenExpectation();
        foreach (var line in File.ReadLines(ImportTestData.PathOf("maven-crm", "sales_pipeline.csv")).Skip(1))
        {
            var v = ImportTestData.SplitCsv(line);
            if (v[3].Length == 0)
            {
                continue;
            }

            expected.GtxPro += v[2] is "GTXPro" or "GTX Pro" ? 1 : 0;
            if (v[4] == "Won")
            {
                expected.Won++;
                expected.WonValue += ImportTestData.Number(v[7]);
            }
            else if (v[4] == "Lost")
            {
                expected.Lost++;
            }
        }

        expected.TechnologyAccounts = File.ReadLines(ImportTestData.PathOf("maven-crm", "accounts.csv")).Skip(1)
            .Count(l => ImportTestData.SplitCsv(l)[1] is "technology" or "technolgy");
        return expected;
    }

    private Task<OnlineRetailStore> StoredOnlineRetailAsync() => StoredOnlineRetailAsync(Crm);

    private static async Task<OnlineRetailStore> StoredOnlineRetailAsync(ICrm crm)
    {
        var stored = new OnlineRetailStore();
        await foreach (var customer in crm.Customers.StreamAsync(CustomerFilter.All))
        {
            var key = customer.ExternalIds.Single(e => e.Source == "online-retail").Value;
            var interactions = new List<string>();
            await foreach (var interaction in crm.Interactions.StreamAsync(InteractionFilter.ForCustomer(customer.Id)))
            {
                var amount = interaction.Transaction!.Amount.Amount;
                if (interaction.Kind == InteractionKind.Refund)
                {
                    stored.Refunds++;
                    stored.RefundTotal += amount;
                }
                else
                {
                    stored.Purchases++;
                    stored.PurchaseTotal += amount;
                }

                interactions.Add($"{interaction.Kind}|{interaction.OccurredAt}|{interaction.Transaction.OrderReference}|{amount / 1.0000000000000000000000000000m}|{interaction.Subject}");
            }

            interactions.Sort(StringComparer.Ordinal);
            stored.Keys.Add(key);
            stored.Digest[key] = string.Join(';', customer.Tags.Order(StringComparer.Ordinal)) + "#" + string.Join('\n', interactions);
        }

        return stored;
    }

    private static List<(long Line, string Outcome, HashSet<string> Rules)> ReportLines(string path) =>
        [.. File.ReadLines(path).Select(l =>
        {
            using var json = JsonDocument.Parse(l);
            var rules = json.RootElement.TryGetProperty("errors", out var errors)
                ? errors.EnumerateArray().Select(e => e.GetProperty("field").GetString() + ":" + e.GetProperty("rule").GetString()).ToHashSet(StringComparer.Ordinal)
                : [];
            return (json.RootElement.GetProperty("line").GetInt64(), json.RootElement.GetProperty("outcome").GetString()!, rules);
        })];

    /// <summary>A digest of every stored document of every collection: id, version and body as the provider holds them.</summary>
    private async Task<string> RawStoreDigestAsync(bool withAudit = true)
    {
        var store = await Fixture.ReopenStoreAsync(DatabaseName);
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            foreach (var collection in AllCollections.Where(c => withAudit || c != "audit_entries"))
            {
                var documents = new List<StoredDocument>();
                try
                {
                    await foreach (var document in store.QueryAsync(new DocumentQuery(collection), CancellationToken.None))
                    {
                        documents.Add(document);
                    }
                }
                catch (Exception ex) when (ex is CrmStorageException or ArgumentException)
                {
                    // A store whose schema the CRM has not created yet holds nothing.
                }

                foreach (var document in documents.OrderBy(d => d.Id))
                {
                    hash.AppendData(Encoding.UTF8.GetBytes($"{collection}|{document.Id}|{document.Version}|{document.Body}\n"));
                }
            }

            return Convert.ToHexString(hash.GetHashAndReset());
        }
        finally
        {
            await Fixture.ReleaseStoreAsync(store);
        }
    }

    private sealed class SwitchableActor : ICrmActorAccessor
    {
        public CrmActor? Current { get; set; } = CrmActor.System;
    }

    private sealed class SynchronousProgress(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => report(value);
    }

    private sealed class OnlineRetailExpectation
    {
        public int Rows { get; set; }

        public long Created { get; set; }

        public long Duplicates { get; set; }

        public long Rejected { get; set; }

        public long NoCustomer { get; set; }

        public HashSet<string> Customers { get; } = new(StringComparer.Ordinal);

        public int Purchases { get; set; }

        public decimal PurchaseTotal { get; set; }

        public int Refunds { get; set; }

        public decimal RefundTotal { get; set; }
    }

    private sealed class MavenExpectation
    {
        public int Won { get; set; }

        public decimal WonValue { get; set; }

        public int Lost { get; set; }

        public int GtxPro { get; set; }

        public int TechnologyAccounts { get; set; }
    }

    private sealed record OnlineRetailStore
    {
        public List<string> Keys { get; } = [];

        public SortedDictionary<string, string> Digest { get; } = new(StringComparer.Ordinal);

        public int Purchases { get; set; }

        public decimal PurchaseTotal { get; set; }

        public int Refunds { get; set; }

        public decimal RefundTotal { get; set; }

        public bool Equals(OnlineRetailStore? other) =>
            other is not null && (Purchases, PurchaseTotal, Refunds, RefundTotal) == (other.Purchases, other.PurchaseTotal, other.Refunds, other.RefundTotal)
            && Digest.SequenceEqual(other.Digest);

        public override int GetHashCode() => HashCode.Combine(Purchases, PurchaseTotal, Refunds, RefundTotal);
    }
}
