using Microsoft.Extensions.Logging;

namespace Crm.Sdk.Audit;

/// <summary>
/// Entries of reads waiting to be written together (<see cref="AuditTrailOptions.ReadEntryDelay"/>): the first one
/// schedules a write after the delay; the write chains every waiting entry in one transaction. A full queue
/// (<see cref="MaxWaiting"/> entries) is written by the read that filled it, so memory stays bounded and a store that
/// cannot take audit entries fails reads rather than losing their entries. Entries that failed to be written wait for
/// the next write.
/// </summary>
internal sealed partial class PendingReads : IDisposable
{
    /// <summary>Entries that may wait at once.</summary>
    public const int MaxWaiting = 1000;

    private readonly AuditRecorder _recorder;
    private readonly TimeSpan _delay;
    private readonly ILogger _logger;
    private readonly Lock _lock = new();
    private readonly SemaphoreSlim _writing = new(1, 1);
    private readonly CancellationTokenSource _disposing = new();
    private List<AuditDraft> _waiting = [];
    private bool _scheduled;

    public PendingReads(AuditRecorder recorder, TimeSpan delay, ILogger logger)
    {
        _recorder = recorder;
        _delay = delay;
        _logger = logger;
    }

    /// <summary>Adds the entry of a read: written now when entries do not wait or the queue is full, else later.</summary>
    public Task AddAsync(AuditDraft draft, CancellationToken cancellationToken)
    {
        if (_delay <= TimeSpan.Zero)
        {
            return _recorder.RecordAsync([draft], cancellationToken);
        }

        bool full;
        lock (_lock)
        {
            _waiting.Add(draft);
            full = _waiting.Count >= MaxWaiting;
            if (!full)
            {
                ScheduleWrite();
            }
        }

        return full ? FlushAsync(cancellationToken) : Task.CompletedTask;
    }

    /// <summary>Writes every waiting entry now (before the trail is read, and when the SDK is disposed).</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        await _writing.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            List<AuditDraft> drafts;
            lock (_lock)
            {
                drafts = _waiting;
                _waiting = [];
                _scheduled = false;
            }

            if (drafts.Count == 0)
            {
                return;
            }

            try
            {
                await _recorder.RecordAsync(drafts, cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                lock (_lock)
                {
                    _waiting.InsertRange(0, drafts);
                    ScheduleWrite();
                }

                throw;
            }
        }
        finally
        {
            _writing.Release();
        }
    }

    public void Dispose()
    {
        _disposing.Cancel();
        try
        {
            FlushAsync(CancellationToken.None).GetAwaiter().GetResult();
        }
#pragma warning disable CA1031 // Disposal must not throw; the loss is logged.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogEntriesLost(_logger, ex, _waiting.Count);
        }

        _disposing.Dispose();
        _writing.Dispose();
    }

    [LoggerMessage(EventId = 40, Level = LogLevel.Warning, Message = "Writing {Count} audit entries of reads failed; they wait for the next write")]
    private static partial void LogWriteFailed(ILogger logger, Exception exception, int count);

    [LoggerMessage(EventId = 41, Level = LogLevel.Error, Message = "{Count} audit entries of reads could not be written before the SDK was disposed: they are lost")]
    private static partial void LogEntriesLost(ILogger logger, Exception exception, int count);

    /// <summary>Schedules a write after the delay unless one is scheduled or the SDK is being disposed (call under the lock).</summary>
    private void ScheduleWrite()
    {
        if (_scheduled || _disposing.IsCancellationRequested)
        {
            return;
        }

        _scheduled = true;
        _ = WriteLaterAsync();
    }

    private async Task WriteLaterAsync()
    {
        try
        {
            await Task.Delay(_delay, _disposing.Token).ConfigureAwait(false);
            await FlushAsync(_disposing.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_disposing.IsCancellationRequested)
        {
            // Dispose writes what waits.
        }
#pragma warning disable CA1031 // A background write has no caller to report to: the entries wait for the next write, and the failure is logged.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            int count;
            lock (_lock)
            {
                count = _waiting.Count;
            }

            LogWriteFailed(_logger, ex, count);
        }
    }
}
