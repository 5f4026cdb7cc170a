using Crm.Sdk.Customers;
using Crm.Sdk.Testing;
using Xunit;

namespace Crm.Sdk.Cli.Tests;

/// <summary><c>crm duplicates</c>, <c>crm merge</c> and <c>crm unmerge</c> against a real SQLite file.</summary>
public sealed class DuplicatesAndMergeCommandTests : IDisposable
{
    private readonly CliStore _store = new();

    /// <summary>A planted duplicate of Ada (same name, email and phone) is listed as one pair with a score and why; Grace is not.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Duplicates_lists_the_planted_pair()
    {
        var (ada, grace) = await _store.SeedAsync();
        var copy = await PlantAdaCopyAsync();

        var run = await CliRun.RunAsync(null, "duplicates", "--store", _store.Path_, "--json");
        var table = await CliRun.RunAsync(null, "duplicates", "--store", _store.Path_);

        Assert.True(run.ExitCode == ExitCodes.Success, run.Error);
        using var json = run.Json();
        var pair = Assert.Single(json.RootElement.EnumerateArray());
        Assert.Equal(
            new[] { ada.Value, copy.Value }.Order().ToArray(),
            new[] { pair.GetProperty("first").GetGuid(), pair.GetProperty("second").GetGuid() }.Order().ToArray());
        Assert.InRange(pair.GetProperty("score").GetDouble(), 0.9, 1.0);
        Assert.Contains("email", pair.GetProperty("explanation").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(grace.Value.ToString(), run.Output, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Success, table.ExitCode);
        Assert.Contains(copy.Value.ToString(), table.Output, StringComparison.Ordinal);
        Assert.Contains("1 pair(s)", table.Output, StringComparison.Ordinal);
    }

    /// <summary>A threshold outside 0..1 is exit code 2, naming the option.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Threshold_is_checked()
    {
        await _store.SeedAsync();

        var bad = await CliRun.RunAsync(null, "duplicates", "--threshold", "1.5", "--store", _store.Path_);

        Assert.Equal(ExitCodes.BadArguments, bad.ExitCode);
        Assert.Contains("--threshold", bad.Error, StringComparison.Ordinal);
    }

    /// <summary>A dry run prints the survivor and what would move, and writes nothing: the copy and its interaction stay.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Merge_dry_run_shows_the_plan_and_writes_nothing()
    {
        var (ada, _) = await _store.SeedAsync();
        var copy = await PlantAdaCopyAsync();

        var plan = await CliRun.RunAsync(null, "merge", ada.Value.ToString(), copy.Value.ToString(), "--dry-run", "--store", _store.Path_, "--json");
        var text = await CliRun.RunAsync(null, "merge", ada.Value.ToString(), copy.Value.ToString(), "--dry-run", "--store", _store.Path_);
        var copyStill = await CliRun.RunAsync(null, "customers", "timeline", copy.Value.ToString(), "--store", _store.Path_, "--json");

        Assert.True(plan.ExitCode == ExitCodes.Success, plan.Error);
        using (var json = plan.Json())
        {
            var root = json.RootElement;
            Assert.True(root.GetProperty("dryRun").GetBoolean());
            Assert.Equal(ada.Value.ToString(), root.GetProperty("survivor").GetProperty("id").GetString());
            Assert.Equal((1L, 0L, 0L), (root.GetProperty("interactions").GetInt64(), root.GetProperty("deals").GetInt64(), root.GetProperty("tickets").GetInt64()));
        }

        Assert.Contains("1 interactions, 0 deals, 0 tickets would move. Nothing was written.", text.Output, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Success, copyStill.ExitCode);
        Assert.Equal(1, Entries(copyStill));
    }

    /// <summary>
    /// Merge moves the copy's interaction to Ada, removes the copy (show is then exit 3) and prints the unmerge command;
    /// unmerge restores the copy with its interaction; a second unmerge is exit 3; merging a customer with itself is exit 2.
    /// </summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Merge_then_unmerge_restores_both()
    {
        var (ada, _) = await _store.SeedAsync();
        var copy = await PlantAdaCopyAsync();

        var merge = await CliRun.RunAsync(null, "merge", ada.Value.ToString(), copy.Value.ToString(), "--store", _store.Path_);
        Assert.True(merge.ExitCode == ExitCodes.Success, merge.Error);
        Assert.Contains("1 interactions, 0 deals, 0 tickets moved", merge.Output, StringComparison.Ordinal);
        var mergeId = Guid.Parse(System.Text.RegularExpressions.Regex.Match(merge.Output, "crm unmerge ([0-9a-f-]{36})").Groups[1].Value);

        var goneCopy = await CliRun.RunAsync(null, "customers", "show", copy.Value.ToString(), "--store", _store.Path_, "--json");
        var adaMerged = await CliRun.RunAsync(null, "customers", "timeline", ada.Value.ToString(), "--store", _store.Path_, "--json");
        var unmerge = await CliRun.RunAsync(null, "unmerge", mergeId.ToString(), "--store", _store.Path_, "--json");
        var copyBack = await CliRun.RunAsync(null, "customers", "timeline", copy.Value.ToString(), "--store", _store.Path_, "--json");
        var adaBack = await CliRun.RunAsync(null, "customers", "timeline", ada.Value.ToString(), "--store", _store.Path_, "--json");
        var again = await CliRun.RunAsync(null, "unmerge", mergeId.ToString(), "--store", _store.Path_);
        var self = await CliRun.RunAsync(null, "merge", ada.Value.ToString(), ada.Value.ToString(), "--store", _store.Path_);

        Assert.Equal(ExitCodes.NotFound, goneCopy.ExitCode);
        Assert.Equal(4, Entries(adaMerged));
        Assert.True(unmerge.ExitCode == ExitCodes.Success, unmerge.Error);
        using (var json = unmerge.Json())
        {
            Assert.Equal(mergeId, json.RootElement.GetProperty("mergeId").GetGuid());
            Assert.True(json.RootElement.GetProperty("undone").GetBoolean());
        }

        Assert.Equal(1, Entries(copyBack));
        Assert.Equal(3, Entries(adaBack));
        Assert.Equal(ExitCodes.NotFound, again.ExitCode);
        Assert.Equal(ExitCodes.BadArguments, self.ExitCode);
    }

    /// <summary>A survivor changed after the merge makes unmerge exit code 8 (conflict); nothing is restored.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Unmerge_after_a_change_is_a_conflict()
    {
        var (ada, _) = await _store.SeedAsync();
        var copy = await PlantAdaCopyAsync();
        var merge = await CliRun.RunAsync(null, "merge", ada.Value.ToString(), copy.Value.ToString(), "--store", _store.Path_, "--json");
        Guid mergeId;
        using (var json = merge.Json())
        {
            mergeId = json.RootElement.GetProperty("mergeId").GetGuid();
        }

        await _store.UseAsync(crm => crm.Customers.ChangeLifecycleStageAsync(ada, LifecycleStage.Customer));

        var unmerge = await CliRun.RunAsync(null, "unmerge", mergeId.ToString(), "--store", _store.Path_, "--json");
        var copyStillGone = await CliRun.RunAsync(null, "customers", "show", copy.Value.ToString(), "--store", _store.Path_);

        Assert.Equal(ExitCodes.Conflict, unmerge.ExitCode);
        using (var json = unmerge.Json())
        {
            Assert.Equal(ExitCodes.Conflict, json.RootElement.GetProperty("exitCode").GetInt32());
        }

        Assert.Equal(ExitCodes.NotFound, copyStillGone.ExitCode);
    }

    /// <inheritdoc />
    public void Dispose() => _store.Dispose();

    private static int Entries(CliRun run)
    {
        Assert.True(run.ExitCode == ExitCodes.Success, run.Error);
        using var json = run.Json();
        return json.RootElement.GetProperty("entries").GetArrayLength();
    }

    private Task<Id<Customer>> PlantAdaCopyAsync() => _store.UseAsync(async crm =>
    {
        var copy = await crm.Customers.CreateAsync(TestDrafts.Customer("Ada Lovelace") with { Emails = ["ada@example.org"], Phones = ["+44 7700 900001"] });
        await crm.Interactions.CreateAsync(TestDrafts.Interaction(copy.Id, Interactions.InteractionKind.Note, NodaTime.Instant.FromUtc(2025, 6, 1, 9, 0)) with { Subject = "Copy's note" });
        return copy.Id;
    });
}
