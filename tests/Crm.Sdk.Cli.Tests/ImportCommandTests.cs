using Xunit;

namespace Crm.Sdk.Cli.Tests;

/// <summary><c>crm import</c>: the Online Retail sample (a slice, to stay fast) with its shipped map file, and bad map files.</summary>
public sealed class ImportCommandTests : IDisposable
{
    private const int SliceRows = 400;

    private static readonly string DataFolder = Path.Combine(AppContext.BaseDirectory, "TestData", "online-retail");

    private readonly CliStore _store = new();

    /// <summary>
    /// The first 400 rows of Online Retail import into a new store (--create-store) with every row accounted for: the JSON
    /// summary's outcomes add up to 400; a second run changes nothing (no row created again).
    /// </summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Online_retail_slice_imports_with_every_row_accounted_for()
    {
        var slice = await WriteSliceAsync();
        var map = Path.Combine(DataFolder, "purchases.map.json");
        var report = Path.Combine(_store.Folder, "report.jsonl");

        var run = await CliRun.RunAsync(null, "import", "interactions", slice, "--map", map, "--store", _store.Path_, "--create-store", "--report", report, "--json");
        var again = await CliRun.RunAsync(null, "import", "interactions", slice, "--map", map, "--store", _store.Path_, "--json");

        Assert.True(run.ExitCode == ExitCodes.Success, run.Error + run.Output);
        using (var json = run.Json())
        {
            var root = json.RootElement;
            long Count(string name) => root.GetProperty(name).GetInt64();
            Assert.Equal(SliceRows, Count("rows"));
            Assert.Equal(Count("rows"), Count("created") + Count("updated") + Count("unchanged") + Count("skippedDuplicates") + Count("rejected") + Count("merged"));
            Assert.True(Count("created") > 0);
            Assert.True(Count("customersCreated") > 0);
            Assert.False(root.GetProperty("dryRun").GetBoolean());
        }

        Assert.Equal(SliceRows, File.ReadLines(report).Count());
        Assert.Equal(ExitCodes.Success, again.ExitCode);
        using (var json = again.Json())
        {
            Assert.Equal((SliceRows, 0L, 0L), (json.RootElement.GetProperty("rows").GetInt64(), json.RootElement.GetProperty("created").GetInt64(), json.RootElement.GetProperty("customersCreated").GetInt64()));
        }
    }

    /// <summary>A dry run into a new store reports the same rows and writes nothing: the store then has no customer.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Dry_run_writes_nothing()
    {
        var slice = await WriteSliceAsync();

        var run = await CliRun.RunAsync(null, "import", "interactions", slice, "--map", Path.Combine(DataFolder, "purchases.map.json"), "--store", _store.Path_, "--create-store", "--dry-run", "--json");
        var customers = await CliRun.RunAsync(null, "customers", "find", "A", "--store", _store.Path_, "--json");

        Assert.True(run.ExitCode == ExitCodes.Success, run.Error + run.Output);
        using (var json = run.Json())
        {
            Assert.Equal(SliceRows, json.RootElement.GetProperty("rows").GetInt64());
            Assert.True(json.RootElement.GetProperty("dryRun").GetBoolean());
        }

        using var found = customers.Json();
        Assert.Equal(0, found.RootElement.GetArrayLength());
    }

    /// <summary>A map file with an unknown key is exit code 2, the message naming the key and its line; no store is created.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Bad_map_file_is_exit_code_2_naming_key_and_line()
    {
        var slice = await WriteSliceAsync();
        var map = Path.Combine(_store.Folder, "bad.map.json");
        await File.WriteAllTextAsync(map, "{\n  \"kind\": \"interactions\",\n  \"colour\": \"red\"\n}\n");

        var run = await CliRun.RunAsync(null, "import", "interactions", slice, "--map", map, "--store", _store.Path_, "--create-store");
        var json = await CliRun.RunAsync(null, "import", "interactions", slice, "--map", map, "--store", _store.Path_, "--create-store", "--json");

        Assert.Equal((ExitCodes.BadArguments, ExitCodes.BadArguments), (run.ExitCode, json.ExitCode));
        Assert.Contains("colour", run.Error, StringComparison.Ordinal);
        Assert.Contains("line 3", run.Error, StringComparison.Ordinal);
        using var error = json.Json();
        Assert.Equal(ExitCodes.BadArguments, error.RootElement.GetProperty("exitCode").GetInt32());
        Assert.False(File.Exists(_store.Path_));
    }

    /// <summary>A kind that is not the map's, a missing source file, and a missing store without --create-store are refused; no store is created.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Wrong_kind_missing_file_and_missing_store_are_refused()
    {
        var slice = await WriteSliceAsync();
        var map = Path.Combine(DataFolder, "purchases.map.json");

        var wrongKind = await CliRun.RunAsync(null, "import", "customers", slice, "--map", map, "--store", _store.Path_, "--create-store");
        var noFile = await CliRun.RunAsync(null, "import", "interactions", Path.Combine(_store.Folder, "nope.csv"), "--map", map, "--store", _store.Path_, "--create-store");
        var noStore = await CliRun.RunAsync(null, "import", "interactions", slice, "--map", map, "--store", Path.Combine(_store.Folder, "other.db"));

        Assert.Equal((ExitCodes.BadArguments, ExitCodes.BadArguments, ExitCodes.StoreUnreadable), (wrongKind.ExitCode, noFile.ExitCode, noStore.ExitCode));
        Assert.Contains("is for interactions", wrongKind.Error, StringComparison.Ordinal);
        Assert.Contains("nope.csv", noFile.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_store.Folder, "other.db")));
        Assert.False(File.Exists(_store.Path_));
    }

    /// <summary>
    /// An import interrupted after 200 rows (its first 200 rows imported, and the checkpoint it left) resumes with
    /// --checkpoint from row 201: the summary counts the 200 resumed rows and every row once (none re-read as unchanged),
    /// and the checkpoint is deleted when the import completes.
    /// </summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Checkpoint_resumes_an_interrupted_import()
    {
        var first = await WriteSliceAsync(200, "first.csv");
        var slice = await WriteSliceAsync();
        var map = Path.Combine(DataFolder, "purchases.map.json");
        var checkpoint = Path.Combine(_store.Folder, "import.checkpoint");
        var head = await CliRun.RunAsync(null, "import", "interactions", first, "--map", map, "--store", _store.Path_, "--create-store", "--json");
        Assert.True(head.ExitCode == ExitCodes.Success, head.Error);
        using (var json = head.Json())
        {
            var done = json.RootElement;
            long Count(string name) => done.GetProperty(name).GetInt64();

            // What the interrupted run left: its rows done and its summary so far (the checkpoint format of Crm.Sdk.Import).
            await File.WriteAllTextAsync(checkpoint, System.Text.Json.JsonSerializer.Serialize(new
            {
                RowsDone = 200L,
                ReportLength = 0L,
                Summary = new { Rows = Count("rows"), Created = Count("created"), Updated = Count("updated"), Unchanged = Count("unchanged"), SkippedDuplicates = Count("skippedDuplicates"), Rejected = Count("rejected"), Merged = Count("merged"), CustomersCreated = Count("customersCreated") },
            }));
        }

        var run = await CliRun.RunAsync(null, "import", "interactions", slice, "--map", map, "--store", _store.Path_, "--checkpoint", checkpoint, "--json");

        Assert.True(run.ExitCode == ExitCodes.Success, run.Error);
        using var result = run.Json();
        long Total(string name) => result.RootElement.GetProperty(name).GetInt64();
        Assert.Equal((SliceRows, 200L, 0L), (Total("rows"), Total("resumedRows"), Total("unchanged")));
        Assert.Equal(Total("rows"), Total("created") + Total("updated") + Total("unchanged") + Total("skippedDuplicates") + Total("rejected") + Total("merged"));
        Assert.False(File.Exists(checkpoint));
    }

    /// <inheritdoc />
    public void Dispose() => _store.Dispose();

    private async Task<string> WriteSliceAsync(int rows = SliceRows, string name = "slice.csv")
    {
        var path = Path.Combine(_store.Folder, name);
        await File.WriteAllLinesAsync(path, File.ReadLines(Path.Combine(DataFolder, "OnlineRetail.csv")).Take(rows + 1));
        return path;
    }
}
