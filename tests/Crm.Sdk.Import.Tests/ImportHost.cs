using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;

namespace Crm.Sdk.Import.Tests;

/// <summary>A CRM over a fresh SQLite file in a temporary directory, for the importer's unit tests.</summary>
internal sealed class ImportHost : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    public ImportHost(Action<CrmBuilder>? configure = null)
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("crm-import-unit-").FullName;
        var services = new ServiceCollection();
        services.AddSingleton<IClock>(new FakeClock(Instant.FromUtc(2025, 1, 1, 0, 0), Duration.FromMilliseconds(1)));
        var builder = services.AddCrm(o => o.DefaultPhoneRegion = "CN").UseSqlite(Path.Combine(Directory, "crm.db"));
        configure?.Invoke(builder);
        _provider = services.BuildServiceProvider();
        Crm = _provider.GetRequiredService<ICrm>();
    }

    public string Directory { get; }

    public ICrm Crm { get; }

    public IServiceProvider Services => _provider;

    public string WriteFile(string name, byte[] bytes)
    {
        var path = Path.Combine(Directory, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public async ValueTask DisposeAsync()
    {
        await _provider.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // Left to the system's temporary-file cleaning.
        }
    }
}
