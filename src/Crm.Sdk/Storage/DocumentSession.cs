using System.Diagnostics;
using Crm.Sdk.Events;

namespace Crm.Sdk.Storage;

/// <summary>
/// Collects the writes of one call or one unit of work and commits them, with the domain events they raised,
/// in one provider transaction. Aggregates get their new versions only after the commit succeeded, so a failed
/// commit leaves them as they were and the caller can retry.
/// </summary>
internal sealed class DocumentSession
{
    private readonly CrmStore _store;
    private readonly List<DocumentWrite> _writes = [];
    private readonly List<(IAggregateRoot Aggregate, string EntityName, Guid Id)> _tracked = [];
    private readonly List<Action> _afterCommit = [];
    private bool _committed;

    public DocumentSession(CrmStore store)
    {
        _store = store;
    }

    public int PendingWrites => _writes.Count;

    public void Insert<T>(IDocumentMapping<T> mapping, T aggregate)
        where T : class
    {
        EnsureOpen();
        var id = mapping.GetId(aggregate);
        if (mapping.GetVersion(aggregate) != 0)
        {
            throw new DomainRuleException("already-saved", $"{mapping.EntityName} '{id}' is already saved; update it instead.");
        }

        _writes.Add(DocumentWrite.Insert(mapping.Collection.Name, id, mapping.Serialize(aggregate), mapping.GetIndexValues(aggregate)));
        Track(mapping, aggregate, id, newVersion: 1);
    }

    public void Update<T>(IDocumentMapping<T> mapping, T aggregate)
        where T : class
    {
        EnsureOpen();
        var id = mapping.GetId(aggregate);
        var version = mapping.GetVersion(aggregate);
        if (version == 0)
        {
            throw new DomainRuleException("not-saved", $"{mapping.EntityName} '{id}' has not been saved yet; create it first.");
        }

        _writes.Add(DocumentWrite.Update(mapping.Collection.Name, id, version, mapping.Serialize(aggregate), mapping.GetIndexValues(aggregate)));
        Track(mapping, aggregate, id, version + 1);
    }

    public void Delete<T>(IDocumentMapping<T> mapping, T aggregate)
        where T : class
    {
        EnsureOpen();
        var id = mapping.GetId(aggregate);
        _writes.Add(DocumentWrite.Delete(mapping.Collection.Name, id, mapping.GetVersion(aggregate)));
        Track(mapping, aggregate, id, 0);
    }

    public void Add(DocumentWrite write)
    {
        EnsureOpen();
        _writes.Add(write);
    }

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        EnsureOpen();
        if (_writes.Count == 0)
        {
            _committed = true;
            return;
        }

        var now = _store.Clock.GetCurrentInstant();
        var writes = new List<DocumentWrite>(_writes.Count + _tracked.Count);
        writes.AddRange(_writes);
        // Events of one commit get recorded_at one tick apart, in the order they were raised: the same instant for
        // all of them would leave their order to the random part of their GUID v7 ids.
        var sequence = 0L;
        foreach (var (aggregate, entityName, id) in _tracked)
        {
            foreach (var domainEvent in aggregate.DomainEvents)
            {
                writes.Add(DomainEventMapping.ToWrite(domainEvent, entityName, id, now + NodaTime.Duration.FromTicks(sequence++)));
            }
        }

        using var activity = CrmDiagnostics.ActivitySource.StartActivity("crm.commit");
        activity?.SetTag("crm.writes", writes.Count);
        var started = Stopwatch.GetTimestamp();
        try
        {
            await _store.CommitAsync(writes, cancellationToken).ConfigureAwait(false);
        }
        catch (ConcurrencyConflictException)
        {
            CrmDiagnostics.ConcurrencyConflicts.Add(1);
            throw;
        }

        CrmDiagnostics.CommitDuration.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        CrmDiagnostics.DocumentsWritten.Add(writes.Count);
        _committed = true;
        foreach (var (aggregate, _, _) in _tracked)
        {
            aggregate.ClearDomainEvents();
        }

        foreach (var action in _afterCommit)
        {
            action();
        }
    }

    private void Track<T>(IDocumentMapping<T> mapping, T aggregate, Guid id, long newVersion)
        where T : class
    {
        if (aggregate is IAggregateRoot root)
        {
            _tracked.Add((root, mapping.EntityName, id));
        }

        _afterCommit.Add(() => mapping.SetVersion(aggregate, newVersion));
    }

    private void EnsureOpen()
    {
        if (_committed)
        {
            throw new InvalidOperationException("This unit of work was already committed; begin a new one.");
        }
    }
}
