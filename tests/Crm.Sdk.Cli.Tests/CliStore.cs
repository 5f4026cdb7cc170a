using Crm.Sdk.Customers;
using Crm.Sdk.Encryption;
using Crm.Sdk.Interactions;
using Crm.Sdk.Testing;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Crm.Sdk.Cli.Tests;

/// <summary>
/// A temporary SQLite store the tests run <c>crm</c> against: seeded through the SDK (as a host would), closed, then opened
/// by the tool in process. Deleted with the test.
/// </summary>
public sealed class CliStore : IDisposable
{
    /// <summary>A root key in the tool's key format.</summary>
    public const string RootKey = "main:" + "BwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyAhIiMkJSY=";

    /// <summary>Another root key under the same id.</summary>
    public const string WrongRootKey = "main:" + "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "crm-cli-tests-" + Guid.NewGuid().ToString("N"));

    /// <summary>Creates the folder of the store.</summary>
    public CliStore()
    {
        Directory.CreateDirectory(_directory);
        Path_ = Path.Combine(_directory, "crm.db");
    }

    /// <summary>The store file.</summary>
    public string Path_ { get; }

    /// <summary>The folder the test may write files in.</summary>
    public string Folder => _directory;

    /// <summary>Seeds two customers (Ada with three interactions, Grace with one) and returns Ada's and Grace's ids.</summary>
    /// <param name="encrypted">Whether the store is encrypted with <see cref="RootKey"/>.</param>
    /// <returns>The ids.</returns>
    public async Task<(Id<Customer> Ada, Id<Customer> Grace)> SeedAsync(bool encrypted = false)
    {
        var services = new ServiceCollection();
        var builder = services.AddCrm(o => o.DefaultPhoneRegion = "GB").UseSqlite(Path_);
        if (encrypted)
        {
            builder.AddFieldEncryption(o => o.RootKeys.Add(new RootKeyOptions { Id = "main", Base64Key = RootKey["main:".Length..] }));
        }

        builder.AddAuditTrail();
        await using var provider = services.BuildServiceProvider();
        var crm = provider.GetRequiredService<ICrm>();
        var ada = await crm.Customers.CreateAsync(TestDrafts.Customer("Ada Lovelace") with { Emails = ["ada@example.org"], Phones = ["+44 7700 900001"] });
        var grace = await crm.Customers.CreateAsync(TestDrafts.Customer("Grace Hopper") with { Emails = ["grace@example.org"] });
        var at = Instant.FromUtc(2025, 5, 1, 9, 0);
        for (var i = 0; i < 3; i++)
        {
            await crm.Interactions.CreateAsync(TestDrafts.Interaction(ada.Id, InteractionKind.Email, at.Plus(Duration.FromHours(i))) with { Subject = $"Letter {i}" });
        }

        await crm.Interactions.CreateAsync(TestDrafts.Interaction(grace.Id, InteractionKind.Call, at));
        return (ada.Id, grace.Id);
    }

    /// <summary>Opens the (unencrypted) store through the SDK, as a host would, and runs <paramref name="work"/> on it.</summary>
    /// <typeparam name="T">What the work returns.</typeparam>
    /// <param name="work">The work.</param>
    /// <returns>What the work returned.</returns>
    public async Task<T> UseAsync<T>(Func<ICrm, Task<T>> work)
    {
        var services = new ServiceCollection();
        services.AddCrm(o => o.DefaultPhoneRegion = "GB").UseSqlite(Path_).AddAuditTrail();
        await using var provider = services.BuildServiceProvider();
        return await work(provider.GetRequiredService<ICrm>());
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
