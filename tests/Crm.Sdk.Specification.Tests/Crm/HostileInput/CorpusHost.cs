using Crm.Sdk.Encryption;
using Crm.Sdk.ProviderKit;
using Crm.Sdk.Specification.Tests.Storage;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;

namespace Crm.Sdk.Specification.Tests.Crm.HostileInput;

/// <summary>
/// A clock that moves one millisecond per read (as the suite's <see cref="FakeClock"/>) and can call back on a given
/// read: the corpus cancels a token from inside an SDK call that way, at a point that depends on how far the call got.
/// </summary>
internal sealed class CallbackClock : IClock
{
    private readonly FakeClock _inner = new(Instant.FromUtc(2025, 3, 3, 9, 0), Duration.FromMilliseconds(1));
    private int _reads;
    private int _trigger;
    private Action? _callback;

    /// <summary>Calls <paramref name="callback"/> on the <paramref name="read"/>-th read from now (1 = the next one).</summary>
    /// <param name="read">Which read.</param>
    /// <param name="callback">What to do.</param>
    public void OnRead(int read, Action callback)
    {
        _reads = 0;
        _trigger = read;
        _callback = callback;
    }

    /// <summary>Forgets the callback.</summary>
    public void Clear() => _callback = null;

    /// <inheritdoc />
    public Instant GetCurrentInstant()
    {
        var now = _inner.GetCurrentInstant();
        if (_callback is { } callback && Interlocked.Increment(ref _reads) == _trigger)
        {
            _callback = null;
            callback();
        }

        return now;
    }
}

/// <summary>
/// One CRM of the corpus over a database of its own: a real <c>services.AddCrm(...)</c> registration over the provider
/// (with or without field encryption), and a second store over the same database from which snapshots are exported.
/// </summary>
internal sealed class CorpusHost : IAsyncDisposable
{
    /// <summary>The root key of the encrypted runs (32 bytes, base64).</summary>
    private static readonly string RootKey = Convert.ToBase64String(Enumerable.Range(41, 32).Select(i => (byte)i).ToArray());

    private readonly ServiceProvider _services;
    private readonly StoreFixture _fixture;
    private IDocumentStore? _snapshotStore;

    private CorpusHost(StoreFixture fixture, string databaseName, ServiceProvider services, CallbackClock clock)
    {
        _fixture = fixture;
        DatabaseName = databaseName;
        _services = services;
        Clock = clock;
        Crm = services.GetRequiredService<ICrm>();
    }

    /// <summary>The database.</summary>
    public string DatabaseName { get; }

    /// <summary>The CRM, talked to only through its public API.</summary>
    public ICrm Crm { get; }

    /// <summary>The clock every service reads.</summary>
    public CallbackClock Clock { get; }

    /// <summary>The collections a snapshot exports (set once the schema is known).</summary>
    public IReadOnlyList<string> Collections { get; set; } = [];

    /// <summary>Opens a CRM over a new database of <paramref name="fixture"/>.</summary>
    /// <param name="fixture">The provider's fixture.</param>
    /// <param name="hint">A readable part of the database name.</param>
    /// <param name="encrypted">Whether field encryption is on.</param>
    /// <param name="configure">The suite's options.</param>
    /// <returns>The host.</returns>
    public static CorpusHost Open(StoreFixture fixture, string hint, bool encrypted, Action<CrmOptions> configure)
    {
        var databaseName = fixture.NewDatabaseName(hint);
        var clock = new CallbackClock();
        var services = new ServiceCollection();
        services.AddSingleton<IClock>(clock);
        var builder = services.AddCrm(configure);
        fixture.UseProvider(builder, databaseName);
        if (encrypted)
        {
            builder.AddFieldEncryption(e => e.RootKeys.Add(new RootKeyOptions { Id = "corpus", Base64Key = RootKey }));
        }

        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        return new CorpusHost(fixture, databaseName, provider, clock);
    }

    /// <summary>The store snapshots are exported from (opened on first use, after the CRM created the schema).</summary>
    /// <returns>The store.</returns>
    public async Task<IDocumentStore> SnapshotStoreAsync() => _snapshotStore ??= await _fixture.ReopenStoreAsync(DatabaseName);

    /// <summary>Exports the whole database.</summary>
    /// <returns>The snapshot.</returns>
    public async Task<StoreSnapshot> SnapshotAsync() => await StoreSnapshot.TakeAsync(await SnapshotStoreAsync(), Collections);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_snapshotStore is not null)
        {
            await _fixture.ReleaseStoreAsync(_snapshotStore);
        }

        await _services.DisposeAsync();
    }
}
