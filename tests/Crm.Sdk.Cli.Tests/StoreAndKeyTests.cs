using Xunit;

namespace Crm.Sdk.Cli.Tests;

/// <summary>Opening stores: missing files, bad arguments, keys from a file or the environment, wrong keys, the actor.</summary>
public sealed class StoreAndKeyTests : IDisposable
{
    private readonly CliStore _store = new();

    /// <summary>A store file that does not exist is exit code 4 and names the path; no store at all is 2.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Missing_store_file_and_missing_store_option()
    {
        var missing = Path.Combine(_store.Folder, "nope.db");

        var run = await CliRun.RunAsync(null, "customers", "find", "x@example.org", "--store", missing);
        var none = await CliRun.RunAsync(null, "customers", "find", "x@example.org");

        Assert.Equal(ExitCodes.StoreUnreadable, run.ExitCode);
        Assert.Contains(missing, run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(missing));
        Assert.Equal(ExitCodes.BadArguments, none.ExitCode);
        Assert.Contains("--store", none.Error, StringComparison.Ordinal);
    }

    /// <summary>A file that is not a database is exit code 4.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task File_that_is_not_a_store_is_unreadable()
    {
        var path = Path.Combine(_store.Folder, "notes.db");
        await File.WriteAllTextAsync(path, "these are not the tables you are looking for, and this is long enough to be a header");

        var run = await CliRun.RunAsync(null, "customers", "find", "x@example.org", "--store", path);

        Assert.Equal(ExitCodes.StoreUnreadable, run.ExitCode);
    }

    /// <summary>Unknown commands and options are exit code 2 with a pointer to --help; --help lists the exit codes.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Bad_arguments_and_help()
    {
        var unknown = await CliRun.RunAsync(null, "customers", "frobnicate");
        var badOption = await CliRun.RunAsync(null, "customers", "find", "x", "--colour", "red");
        var help = await CliRun.RunAsync(null, "--help");

        Assert.Equal((ExitCodes.BadArguments, ExitCodes.BadArguments), (unknown.ExitCode, badOption.ExitCode));
        Assert.Contains("crm --help", unknown.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Success, help.ExitCode);
        Assert.Contains("Exit codes", help.Output, StringComparison.Ordinal);
        Assert.Contains("customers", help.Output, StringComparison.Ordinal);
        Assert.Contains("8 conflict", help.Output, StringComparison.Ordinal);
        Assert.All(new[] { "import", "duplicates", "merge", "unmerge" }, name => Assert.Contains(name, help.Output, StringComparison.Ordinal));
    }

    /// <summary>An encrypted store opens with its root key from the environment or a file, and decrypts.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Encrypted_store_opens_with_the_key_from_the_environment_or_a_file()
    {
        await _store.SeedAsync(encrypted: true);
        var keyFile = Path.Combine(_store.Folder, "root.key");
        await File.WriteAllTextAsync(keyFile, CliStore.RootKey + "\n");

        var fromVariable = await CliRun.RunAsync(new Dictionary<string, string> { ["CRM_ROOT_KEY"] = CliStore.RootKey, ["CRM_STORE"] = _store.Path_ }, "customers", "find", "ada@example.org", "--json");
        var fromFile = await CliRun.RunAsync(null, "customers", "find", "Ada", "--store", _store.Path_, "--key-file", keyFile, "--json");

        Assert.Equal((0, 0), (fromVariable.ExitCode, fromFile.ExitCode));
        Assert.Contains("Ada Lovelace", fromVariable.Output, StringComparison.Ordinal);
        Assert.Contains("Ada Lovelace", fromFile.Output, StringComparison.Ordinal);
    }

    /// <summary>A wrong root key (same id, other bytes), another key id, a malformed key or a missing key file are exit code 5.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Wrong_or_malformed_keys_are_exit_code_5()
    {
        var (ada, _) = await _store.SeedAsync(encrypted: true);
        var id = ada.Value.ToString();

        var wrong = await CliRun.RunAsync(new Dictionary<string, string> { ["CRM_ROOT_KEY"] = CliStore.WrongRootKey }, "customers", "show", id, "--store", _store.Path_);
        var otherId = await CliRun.RunAsync(new Dictionary<string, string> { ["CRM_ROOT_KEY"] = "other" + CliStore.RootKey["main".Length..] }, "customers", "show", id, "--store", _store.Path_);
        var malformed = await CliRun.RunAsync(new Dictionary<string, string> { ["CRM_ROOT_KEY"] = "main:c2hvcnQ=" }, "customers", "show", id, "--store", _store.Path_);
        var noFile = await CliRun.RunAsync(null, "customers", "show", id, "--store", _store.Path_, "--key-file", Path.Combine(_store.Folder, "missing.key"));

        Assert.True(new[] { wrong.ExitCode, otherId.ExitCode, malformed.ExitCode, noFile.ExitCode }.All(c => c == 5), string.Join("\n", wrong.Error, otherId.Error, malformed.Error, noFile.Error));
        Assert.Contains("root key", wrong.Error, StringComparison.Ordinal);
        Assert.Contains("root key(s) 'main'", otherId.Error, StringComparison.Ordinal);
        Assert.Contains("--key-file", otherId.Error, StringComparison.Ordinal);
        Assert.Contains("32 bytes", malformed.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Ada", wrong.Output + wrong.Error, StringComparison.Ordinal);
    }

    /// <summary>An encrypted store opened without a key fails with a message naming the key options, not with plaintext.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Encrypted_store_without_a_key_fails_clearly()
    {
        var (ada, _) = await _store.SeedAsync(encrypted: true);

        var run = await CliRun.RunAsync(null, "customers", "show", ada.Value.ToString(), "--store", _store.Path_);

        Assert.Equal(ExitCodes.KeyProblem, run.ExitCode);
        Assert.Contains("CRM_ROOT_KEY", run.Error, StringComparison.Ordinal);
    }

    /// <summary>--as with a role acts under access control: a sales rep may not export (6); --role without --as is 2.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Actor_under_access_control()
    {
        var (ada, _) = await _store.SeedAsync();
        var output = Path.Combine(_store.Folder, "ada.json");

        var denied = await CliRun.RunAsync(null, "export", "subject", ada.Value.ToString(), "--output", output, "--store", _store.Path_, "--as", "u-1", "--role", "sales-rep");
        var roleAlone = await CliRun.RunAsync(null, "customers", "find", "Ada", "--store", _store.Path_, "--role", "administrator");
        var admin = await CliRun.RunAsync(null, "customers", "find", "Ada", "--store", _store.Path_, "--as", "root", "--role", "administrator", "--json");

        Assert.Equal(ExitCodes.AccessDenied, denied.ExitCode);
        Assert.False(File.Exists(output));
        Assert.False(File.Exists(output + ".partial"));
        Assert.Equal(ExitCodes.BadArguments, roleAlone.ExitCode);
        Assert.Equal(ExitCodes.Success, admin.ExitCode);
    }

    /// <summary>PostgreSQL URIs and prefixed connection strings are recognised; a malformed URI is exit code 2.</summary>
    [Fact]
    public void Store_syntax()
    {
        Assert.Equal(new StoreLocation(true, "Host=db.local;Database=crm;Port=5433;Username=crm;Password='s;cret'"), StoreLocation.Parse("postgres://crm:s%3Bcret@db.local:5433/crm"));
        Assert.Equal(new StoreLocation(true, "Host=localhost;Database=crm"), StoreLocation.Parse("postgres:Host=localhost;Database=crm"));
        Assert.Equal(ExitCodes.BadArguments, Assert.Throws<CliException>(() => StoreLocation.Parse("postgresql://host-without-database")).ExitCode);
    }

    /// <inheritdoc />
    public void Dispose() => _store.Dispose();
}
