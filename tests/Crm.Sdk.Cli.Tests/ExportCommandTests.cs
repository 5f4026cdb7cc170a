using System.Text.Json;
using Crm.Sdk.Privacy;
using Xunit;

namespace Crm.Sdk.Cli.Tests;

/// <summary><c>crm export subject</c>: to a file with a JSON summary, or to standard output.</summary>
public sealed class ExportCommandTests : IDisposable
{
    private readonly CliStore _store = new();

    /// <summary>To a file: the document parses and holds the customer's three interactions; the summary says so.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Export_to_a_file_with_a_json_summary()
    {
        var (ada, _) = await _store.SeedAsync();
        var file = Path.Combine(_store.Folder, "ada.json");

        var run = await CliRun.RunAsync(null, "export", "subject", ada.Value.ToString(), "--output", file, "--store", _store.Path_, "--json");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        using (var summary = run.Json())
        {
            Assert.Equal(3, summary.RootElement.GetProperty("interactions").GetInt64());
            Assert.Equal(new FileInfo(file).Length, summary.RootElement.GetProperty("bytes").GetInt64());
        }

        using var document = JsonDocument.Parse(await File.ReadAllBytesAsync(file));
        Assert.Equal(SubjectExport.SchemaName, document.RootElement.GetProperty("schema").GetString());
        Assert.Equal("Ada Lovelace", document.RootElement.GetProperty("profile").GetProperty("displayName").GetString());
        Assert.Equal(3, document.RootElement.GetProperty("interactions").GetArrayLength());
        Assert.DoesNotContain("Grace", await File.ReadAllTextAsync(file), StringComparison.Ordinal);
    }

    /// <summary>
    /// <c>crm export interactions --map</c>: every interaction, one row each with its customer's key, to a file with a
    /// JSON summary and to standard output; a map for another kind is exit code 2 and writes no file.
    /// </summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Export_interactions_through_a_map_file()
    {
        await _store.SeedAsync();
        var map = Path.Combine(_store.Folder, "calls.map.json");
        await File.WriteAllTextAsync(map, """
            {
              "kind": "interactions",
              "source": { "format": "csv" },
              "key": { "by": "email", "value": { "column": "email" } },
              "interaction": { "kind": { "constant": "email" }, "subject": { "column": "subject" } }
            }
            """);
        var file = Path.Combine(_store.Folder, "interactions.csv");

        var run = await CliRun.RunAsync(null, "export", "interactions", "--map", map, "--output", file, "--store", _store.Path_, "--json");
        var stdout = await CliRun.RunAsync(null, "export", "interactions", "--map", map, "--store", _store.Path_);
        var wrongKind = await CliRun.RunAsync(null, "export", "customers", "--map", map, "--output", Path.Combine(_store.Folder, "no.csv"), "--store", _store.Path_);

        Assert.True(run.ExitCode == ExitCodes.Success, run.Error + run.Output);
        using (var summary = run.Json())
        {
            Assert.Equal(4, summary.RootElement.GetProperty("rows").GetInt64());
        }

        var lines = await File.ReadAllLinesAsync(file);
        Assert.Equal(5, lines.Length);
        Assert.Equal(3, lines.Count(l => l.StartsWith("ada@example.org,Letter ", StringComparison.Ordinal)));
        Assert.Equal(ExitCodes.Success, stdout.ExitCode);
        Assert.Equal(lines, stdout.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')));
        Assert.Equal(ExitCodes.BadArguments, wrongKind.ExitCode);
        Assert.Contains("is for interactions, not customers", wrongKind.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_store.Folder, "no.csv")));
    }

    /// <summary>Without --output the document is standard output; an unknown customer writes nothing there and is exit code 3.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Export_to_standard_output()
    {
        var (ada, _) = await _store.SeedAsync();

        var run = await CliRun.RunAsync(null, "export", "subject", ada.Value.ToString(), "--store", _store.Path_);
        var unknown = await CliRun.RunAsync(null, "export", "subject", Guid.CreateVersion7().ToString(), "--store", _store.Path_);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        using var document = run.Json();
        Assert.Equal(ada.Value, document.RootElement.GetProperty("customerId").GetGuid());
        Assert.Equal(ExitCodes.NotFound, unknown.ExitCode);
        Assert.Equal("", unknown.Output);
    }

    /// <inheritdoc />
    public void Dispose() => _store.Dispose();
}
