using System.Text.Json;
using Xunit;

namespace Crm.Sdk.Cli.Tests;

/// <summary><c>crm customers find|show|timeline</c> against a real SQLite file, with <c>--json</c> for scripts.</summary>
public sealed class CustomersCommandTests : IDisposable
{
    private readonly CliStore _store = new();

    /// <summary>An email finds its customer; the JSON lists it with its id and name.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Find_by_email_lists_the_customer_as_json()
    {
        var (ada, _) = await _store.SeedAsync();

        var run = await CliRun.RunAsync(null, "customers", "find", "ADA@example.org", "--store", _store.Path_, "--json");

        Assert.Equal((ExitCodes.Success, ""), (run.ExitCode, run.Error));
        using var json = run.Json();
        var found = Assert.Single(json.RootElement.EnumerateArray());
        Assert.Equal((ada.Value, "Ada Lovelace", "ada@example.org"), (found.GetProperty("id").GetGuid(), found.GetProperty("displayName").GetString(), found.GetProperty("primaryEmail").GetString()));
    }

    /// <summary>A phone number and a name prefix find their customers; nothing found is an empty list, not an error.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Find_by_phone_and_name_prefix()
    {
        var (ada, grace) = await _store.SeedAsync();

        var phone = await CliRun.RunAsync(null, "customers", "find", "07700 900001", "--phone-region", "GB", "--store", _store.Path_, "--json");
        var name = await CliRun.RunAsync(null, "--store", _store.Path_, "customers", "find", "Gra", "--json");
        var none = await CliRun.RunAsync(null, "--store", _store.Path_, "customers", "find", "nobody@example.org", "--json");

        using (var json = phone.Json())
        {
            Assert.Equal(ada.Value, Assert.Single(json.RootElement.EnumerateArray()).GetProperty("id").GetGuid());
        }

        using (var json = name.Json())
        {
            Assert.Equal(grace.Value, Assert.Single(json.RootElement.EnumerateArray()).GetProperty("id").GetGuid());
        }

        using (var json = none.Json())
        {
            Assert.Equal(0, json.RootElement.GetArrayLength());
        }

        Assert.Equal([0, 0, 0], new[] { phone.ExitCode, name.ExitCode, none.ExitCode });
    }

    /// <summary>Without --json, find prints a table with the customer's name.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Find_prints_a_table()
    {
        await _store.SeedAsync();

        var run = await CliRun.RunAsync(null, "customers", "find", "ada@example.org", "--store", _store.Path_);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("Ada Lovelace", run.Output, StringComparison.Ordinal);
    }

    /// <summary>Show gives the profile and the interaction counts.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Show_gives_the_profile_and_counts()
    {
        var (ada, _) = await _store.SeedAsync();

        var run = await CliRun.RunAsync(null, "customers", "show", ada.Value.ToString(), "--store", _store.Path_, "--json");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        using var json = run.Json();
        Assert.Equal("Ada Lovelace", json.RootElement.GetProperty("customer").GetProperty("displayName").GetString());
        Assert.Equal(3, json.RootElement.GetProperty("interactionCounts").GetProperty("email").GetInt64());
    }

    /// <summary>An unknown id is exit code 3 (not found); a malformed one is 2 (bad arguments); both say why.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Unknown_and_malformed_ids_have_their_exit_codes()
    {
        await _store.SeedAsync();

        var unknown = await CliRun.RunAsync(null, "customers", "show", Guid.CreateVersion7().ToString(), "--store", _store.Path_, "--json");
        var malformed = await CliRun.RunAsync(null, "customers", "timeline", "not-an-id", "--store", _store.Path_);

        Assert.Equal(ExitCodes.NotFound, unknown.ExitCode);
        using (var json = unknown.Json())
        {
            Assert.Equal(ExitCodes.NotFound, json.RootElement.GetProperty("exitCode").GetInt32());
        }

        Assert.Equal(ExitCodes.BadArguments, malformed.ExitCode);
        Assert.Contains("'not-an-id' is not a customer-id", malformed.Error, StringComparison.Ordinal);
        Assert.Equal("", malformed.Output);
    }

    /// <summary>The timeline is newest first, limited, and says when more follow.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Timeline_is_newest_first_and_limited()
    {
        var (ada, _) = await _store.SeedAsync();

        var run = await CliRun.RunAsync(null, "customers", "timeline", ada.Value.ToString(), "--limit", "2", "--store", _store.Path_, "--json");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        using var json = run.Json();
        var entries = json.RootElement.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("subject").GetString()).ToList();
        Assert.Equal(["Letter 2", "Letter 1"], entries);
        Assert.True(json.RootElement.GetProperty("more").GetBoolean());
    }

    /// <inheritdoc />
    public void Dispose() => _store.Dispose();
}
