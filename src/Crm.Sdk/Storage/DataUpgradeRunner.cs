using System.Collections.Concurrent;
using Crm.Sdk.ProviderKit;
using Microsoft.Extensions.Logging;

namespace Crm.Sdk.Storage;

/// <summary>
/// Runs the core's data upgrades (<see cref="IDataUpgrade"/>): in the background once the store is ready (unless the host
/// turned that off), or in the caller's flow through <see cref="ICrmDataUpgrades.RunAsync(IProgress{DataUpgradeProgress}?, CancellationToken)"/>.
/// One run at a time per process; runs in several processes are safe (every write checks versions), only wasteful.
/// </summary>
internal sealed partial class DataUpgradeRunner : ICrmDataUpgrades, IDisposable
{
    /// <summary>Documents per batch in the background.</summary>
    public const int DefaultBatchSize = 500;

    private const int MaxBatchSize = 10_000;

    /// <summary>Attempts at one batch whose documents changed concurrently before the run gives up (it resumes later).</summary>
    private const int MaxAttempts = 10;

    private readonly CrmStore _store;
    private readonly IReadOnlyList<IDataUpgrade> _upgrades;
    private readonly bool _background;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<string, bool> _complete = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly CancellationTokenSource _shutdown = new();
    private readonly Lock _backgroundLock = new();
    private CancellationTokenSource? _backgroundCancel;
    private Task? _backgroundRun;
    private int _disposed;

    public DataUpgradeRunner(CrmStore store, IReadOnlyList<IDataUpgrade> upgrades, bool background, ILogger logger)
    {
        _store = store;
        _upgrades = upgrades;
        _background = background;
        _logger = logger;
    }

    /// <summary>The run started in the background, or <see langword="null"/>; it never faults (failures are logged).</summary>
    public Task? BackgroundRun => _backgroundRun;

    /// <summary>Whether an upgrade is known to be complete in this database (read at start-up, set when a run here completes it).</summary>
    public bool IsComplete(string upgradeName) => _complete.TryGetValue(upgradeName, out var done) && done;

    /// <summary>Called once the schema is in place: reads which upgrades are done and starts the others in the background.</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        foreach (var upgrade in _upgrades)
        {
            var state = await ReadStateAsync(upgrade.Name, cancellationToken).ConfigureAwait(false);
            _complete[upgrade.Name] = state.CompletedAt is not null;
        }

        if (_background && _upgrades.Any(u => !IsComplete(u.Name)))
        {
            lock (_backgroundLock)
            {
                _backgroundCancel = CancellationTokenSource.CreateLinkedTokenSource(_shutdown.Token);
                var token = _backgroundCancel.Token;
                _backgroundRun = Task.Run(() => RunInBackgroundAsync(token), CancellationToken.None);
            }
        }
    }

    public Task<IReadOnlyList<DataUpgradeProgress>> RunAsync(IProgress<DataUpgradeProgress>? progress = null, CancellationToken cancellationToken = default) =>
        RunAsync(DefaultBatchSize, progress, cancellationToken);

    public async Task<IReadOnlyList<DataUpgradeProgress>> RunAsync(int batchSize, IProgress<DataUpgradeProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(batchSize, MaxBatchSize);
        await _store.EnsureReadyAsync(cancellationToken).ConfigureAwait(false);
        Task? running;
        lock (_backgroundLock)
        {
            _backgroundCancel?.Cancel();
            running = _backgroundRun;
        }

        if (running is not null)
        {
            await running.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        return await RunAllAsync(batchSize, progress, cancellationToken).ConfigureAwait(false);
    }

    public void Dispose()
    {
        // Disposed by the store, and by the container as the ICrmDataUpgrades it also serves.
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _shutdown.Cancel();
        try
        {
            // Let the batch in flight finish or abort before the provider goes away.
            _backgroundRun?.Wait(TimeSpan.FromSeconds(30));
        }
        catch (AggregateException)
        {
            // RunInBackgroundAsync logs its failures; nothing to add.
        }

        _backgroundCancel?.Dispose();
        _shutdown.Dispose();
        _gate.Dispose();
    }

    private async Task RunInBackgroundAsync(CancellationToken cancellationToken)
    {
        try
        {
            foreach (var result in await RunAllAsync(DefaultBatchSize, null, cancellationToken).ConfigureAwait(false))
            {
                LogUpgradeFinished(_logger, result.Upgrade, result.Examined, result.Changed, result.Kept);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            LogUpgradePaused(_logger);
        }
        catch (Exception ex)
        {
            LogUpgradeFailed(_logger, ex);
        }
    }

    private async Task<IReadOnlyList<DataUpgradeProgress>> RunAllAsync(int batchSize, IProgress<DataUpgradeProgress>? progress, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var results = new List<DataUpgradeProgress>(_upgrades.Count);
            foreach (var upgrade in _upgrades)
            {
                results.Add(await RunOneAsync(upgrade, batchSize, progress, cancellationToken).ConfigureAwait(false));
            }

            return results;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<DataUpgradeProgress> RunOneAsync(IDataUpgrade upgrade, int batchSize, IProgress<DataUpgradeProgress>? progress, CancellationToken cancellationToken)
    {
        var state = await ReadStateAsync(upgrade.Name, cancellationToken).ConfigureAwait(false);
        while (state.CompletedAt is null)
        {
            cancellationToken.ThrowIfCancellationRequested();
            state = await RunBatchAsync(upgrade, state, batchSize, cancellationToken).ConfigureAwait(false);
            progress?.Report(ToProgress(state));
        }

        _complete[upgrade.Name] = true;
        return ToProgress(state);
    }

    /// <summary>Upgrades the batch after the checkpoint and commits it with the next checkpoint; retries it with fresh reads on a conflict.</summary>
    private async Task<DataUpgradeState> RunBatchAsync(IDataUpgrade upgrade, DataUpgradeState state, int batchSize, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var after = state.LastId is { } last ? new KeysetPosition(last, last) : null;
            var documents = new List<StoredDocument>(batchSize);
            await foreach (var document in _store.QueryDocumentsAsync(new DocumentQuery(upgrade.Collection) { After = after, Limit = batchSize }, cancellationToken).ConfigureAwait(false))
            {
                documents.Add(document);
            }

            var session = _store.OpenSession();
            var (changed, kept) = await upgrade.UpgradeAsync(_store, session, documents, cancellationToken).ConfigureAwait(false);
            var next = state with
            {
                LastId = documents.Count > 0 ? documents[^1].Id : state.LastId,
                Examined = state.Examined + documents.Count,
                Changed = state.Changed + changed,
                Kept = state.Kept + kept,
                CompletedAt = documents.Count < batchSize ? _store.Clock.GetCurrentInstant() : null,
            };
            session.Add(DataUpgradeStateMapping.Write(next));
            try
            {
                await session.CommitAsync(cancellationToken).ConfigureAwait(false);
                return next with { Version = state.Version + 1 };
            }
            catch (Exception ex) when (ex is ConcurrencyConflictException or DuplicateKeyException or EntityNotFoundException && attempt < MaxAttempts)
            {
                // A document of the batch (or the checkpoint, written by another process) changed meanwhile: nothing of
                // this batch was written. Read the checkpoint and the documents again and redo the batch.
                LogBatchRetried(_logger, upgrade.Name, attempt);
                var fresh = await ReadStateAsync(upgrade.Name, cancellationToken).ConfigureAwait(false);
                if (fresh.CompletedAt is not null)
                {
                    return fresh;
                }

                // Another process may have moved the checkpoint on: continue from the later of the two.
                var freshIsAhead = fresh.LastId is { } theirs && (state.LastId is not { } ours || theirs.CompareTo(ours) > 0);
                state = freshIsAhead ? fresh : state with { Version = fresh.Version };
            }
        }
    }

    private async Task<DataUpgradeState> ReadStateAsync(string upgradeName, CancellationToken cancellationToken)
    {
        var document = await _store.GetDocumentAsync(DataUpgradeStateMapping.CollectionName, DataUpgradeStateMapping.IdOf(upgradeName), cancellationToken).ConfigureAwait(false);
        return document is null ? new DataUpgradeState(upgradeName, null, 0, 0, 0, null) : DataUpgradeStateMapping.Read(document);
    }

    private static DataUpgradeProgress ToProgress(DataUpgradeState state) =>
        new(state.Name, state.Examined, state.Changed, state.Kept, state.CompletedAt is not null);

    [LoggerMessage(Level = LogLevel.Information, Message = "Crm.Sdk data upgrade {Upgrade} complete: {Examined} records examined, {Changed} rewritten, {Kept} values kept as stored.")]
    private static partial void LogUpgradeFinished(ILogger logger, string upgrade, long examined, long changed, long kept);

    [LoggerMessage(Level = LogLevel.Information, Message = "Crm.Sdk background data upgrades paused; they continue from their checkpoint on the next run.")]
    private static partial void LogUpgradePaused(ILogger logger);

    [LoggerMessage(Level = LogLevel.Error, Message = "Crm.Sdk background data upgrades stopped; they continue from their checkpoint on the next start or ICrmDataUpgrades.RunAsync call.")]
    private static partial void LogUpgradeFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Crm.Sdk data upgrade {Upgrade}: a record of the batch changed concurrently; redoing the batch (attempt {Attempt}).")]
    private static partial void LogBatchRetried(ILogger logger, string upgrade, int attempt);
}
