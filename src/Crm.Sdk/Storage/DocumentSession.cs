using System.Diagnostics;
using Crm.Sdk.Audit;
using Crm.Sdk.Diagnostics;
using Crm.Sdk.Domain;
using Crm.Sdk.Encryption;
using Crm.Sdk.ProviderKit;
using Crm.Sdk.Security;

namespace Crm.Sdk.Storage;

/// <summary>
/// Collects the changes of one call or one unit of work and commits them, with the domain events they raised and any new
/// data keys, in one provider transaction. Documents are serialized (and their personal fields sealed) at commit time.
/// Aggregates get their new versions only after the commit succeeded, so a failed commit leaves them as they were and the
/// caller can retry.
/// </summary>
internal sealed class DocumentSession
{
    private readonly CrmStore _store;
    private readonly List<Pending> _pending = [];
    private readonly List<(AuditAction Action, CrmResource Resource, IReadOnlyList<Guid> RecordIds)> _operations = [];
    private bool _committed;

    public DocumentSession(CrmStore store)
    {
        _store = store;
    }

    public void Insert<T>(IDocumentMapping<T> mapping, T aggregate)
        where T : class
    {
        EnsureOpen();
        ThrowIfMasked(mapping, aggregate);
        var id = mapping.GetId(aggregate);
        if (mapping.GetVersion(aggregate) != 0)
        {
            throw new DomainRuleException("already-saved", $"{mapping.EntityName} '{id}' is already saved; update it instead.");
        }

        var collection = mapping.Collection.Name;
        _pending.Add(new Pending(
            collection,
            mapping.GetOwnerId(aggregate),
            p => DocumentWrite.Insert(collection, id, mapping.Serialize(aggregate, p), mapping.GetIndexValues(aggregate, p)),
            () => mapping.SetVersion(aggregate, 1),
            aggregate as IAggregateRoot,
            mapping.EntityName,
            id,
            AuditAction.Create));
    }

    public void Update<T>(IDocumentMapping<T> mapping, T aggregate)
        where T : class
    {
        EnsureOpen();
        ThrowIfMasked(mapping, aggregate);
        var id = mapping.GetId(aggregate);
        var version = mapping.GetVersion(aggregate);
        if (version == 0)
        {
            throw new DomainRuleException("not-saved", $"{mapping.EntityName} '{id}' has not been saved yet; create it first.");
        }

        var collection = mapping.Collection.Name;
        _pending.Add(new Pending(
            collection,
            mapping.GetOwnerId(aggregate),
            p => DocumentWrite.Update(collection, id, version, mapping.Serialize(aggregate, p), mapping.GetIndexValues(aggregate, p)),
            () => mapping.SetVersion(aggregate, version + 1),
            aggregate as IAggregateRoot,
            mapping.EntityName,
            id,
            AuditAction.Update));
    }

    /// <summary>
    /// Writes back a record that was deleted, at the version after the one the aggregate carries (an undone merge puts
    /// the merged-away customer back under its own id); fails with <see cref="DuplicateKeyException"/> if the id exists.
    /// </summary>
    public void Restore<T>(IDocumentMapping<T> mapping, T aggregate)
        where T : class
    {
        EnsureOpen();
        var id = mapping.GetId(aggregate);
        var version = mapping.GetVersion(aggregate);
        var collection = mapping.Collection.Name;
        _pending.Add(new Pending(
            collection,
            mapping.GetOwnerId(aggregate),
            p => DocumentWrite.Import(collection, id, version + 1, mapping.Serialize(aggregate, p), mapping.GetIndexValues(aggregate, p)),
            () => mapping.SetVersion(aggregate, version + 1),
            aggregate as IAggregateRoot,
            mapping.EntityName,
            id,
            AuditAction.Create));
    }

    public void Delete<T>(IDocumentMapping<T> mapping, T aggregate)
        where T : class
    {
        EnsureOpen();
        ThrowIfMasked(mapping, aggregate);
        var id = mapping.GetId(aggregate);
        var version = mapping.GetVersion(aggregate);
        var write = DocumentWrite.Delete(mapping.Collection.Name, id, version);
        _pending.Add(new Pending(write.Collection, null, _ => write, () => mapping.SetVersion(aggregate, 0), aggregate as IAggregateRoot, mapping.EntityName, id, AuditAction.Delete));
    }

    public void Add(DocumentWrite write)
    {
        EnsureOpen();
        _pending.Add(new Pending(write.Collection, null, _ => write, null, null, write.Collection, write.Id, null));
    }

    /// <summary>Records an operation (an erasure, a merge, an import batch) in the audit trail with this session's writes.</summary>
    public void AddAuditEntry(AuditAction action, CrmResource resource, Guid recordId) => AddAuditEntry(action, resource, [recordId]);

    /// <summary>Records one operation about several records (an import batch) in the audit trail with this session's writes.</summary>
    public void AddAuditEntry(AuditAction action, CrmResource resource, IReadOnlyList<Guid> recordIds)
    {
        EnsureOpen();
        _operations.Add((action, resource, recordIds));
    }

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        EnsureOpen();
        if (_pending.Count == 0)
        {
            _committed = true;
            return;
        }

        await _store.EnsureReadyAsync(cancellationToken).ConfigureAwait(false);
        using var activity = CrmDiagnostics.ActivitySource.StartActivity("crm.commit");
        var started = Stopwatch.GetTimestamp();
        var newKeys = new List<(Guid CustomerId, DataKey Key, DocumentWrite Write)>();
        var protector = await PrepareProtectorAsync(newKeys, cancellationToken).ConfigureAwait(false);
        var now = _store.Clock.GetCurrentInstant();
        var eventCount = 0;
        foreach (var pending in _pending)
        {
            eventCount += pending.Root?.DomainEvents.Count ?? 0;
        }

        var writes = new List<DocumentWrite>(newKeys.Count + _pending.Count + eventCount);
        writes.AddRange(newKeys.Select(k => k.Write));
        foreach (var pending in _pending)
        {
            writes.Add(pending.Build(protector));
        }

        // Events of one commit get recorded_at one tick apart, in the order they were raised: the same instant for
        // all of them would leave their order to the random part of their GUID v7 ids.
        var sequence = 0L;
        foreach (var pending in _pending)
        {
            if (pending.Root is { } root)
            {
                foreach (var domainEvent in root.DomainEvents)
                {
                    writes.Add(DomainEventMapping.ToWrite(domainEvent, pending.EntityName, pending.Id, now + NodaTime.Duration.FromTicks(sequence++)));
                }
            }
        }

        activity?.SetTag("crm.writes", writes.Count);
        try
        {
            if (_store.Audit is { } audit && AuditDrafts(audit) is { Count: > 0 } drafts)
            {
                await audit.CommitAsync(writes, drafts, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await _store.CommitAsync(writes, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (ConcurrencyConflictException)
        {
            CrmDiagnostics.ConcurrencyConflicts.Add(1);
            throw;
        }

        CrmDiagnostics.CommitDuration.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        CrmDiagnostics.DocumentsWritten.Add(writes.Count);
        _committed = true;
        foreach (var (customerId, key, _) in newKeys)
        {
            _store.KeyRing?.Remember(customerId, key);
        }

        foreach (var pending in _pending)
        {
            pending.Root?.ClearDomainEvents();
            pending.AfterCommit?.Invoke();
        }
    }

    /// <summary>
    /// The audit entries of the commit: one per operation added (erase, …), and one per kind of write — action, resource
    /// and, for updates, what changed — listing every record written that way, so a batch of a thousand creates is one
    /// entry naming a thousand records. What an update changed is named by the types of the domain events it raised
    /// (<c>CustomerRenamed</c>, <c>DealStageChanged</c>, …): names, never values, and no extra read of the stored document.
    /// </summary>
    private List<AuditDraft> AuditDrafts(AuditRecorder audit)
    {
        var actor = audit.CurrentActorId;
        var drafts = new List<AuditDraft>(_operations.Count + 4);
        foreach (var (action, resource, recordIds) in _operations)
        {
            drafts.Add(new AuditDraft(actor, action, resource, AuditOutcome.Succeeded, recordIds, []));
        }

        var groups = new Dictionary<(AuditAction Action, CrmResource Resource, string Fields), List<Guid>>();
        foreach (var pending in _pending)
        {
            if (pending.AuditAs is not { } action || AuditRecorder.ResourceOf(pending.Collection) is not { } resource)
            {
                continue;
            }

            string[] fields = action == AuditAction.Update && pending.Root is { } root
                ? [.. root.DomainEvents.Select(e => e.GetType().Name).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)]
                : [];
            var key = (action, resource, string.Join('\n', fields));
            if (!groups.TryGetValue(key, out var ids))
            {
                groups[key] = ids = [];
                drafts.Add(new AuditDraft(actor, action, resource, AuditOutcome.Succeeded, ids, fields));
            }

            ids.Add(pending.Id);
        }

        return drafts;
    }

    private async Task<FieldProtector> PrepareProtectorAsync(List<(Guid CustomerId, DataKey Key, DocumentWrite Write)> newKeys, CancellationToken cancellationToken)
    {
        var protector = _store.Protector;
        if (!protector.IsEnabled || _store.KeyRing is not { } keyRing)
        {
            return protector;
        }

        var owners = _pending
            .Where(p => p.OwnerId is not null && protector.HasEncryptedFields(p.Collection))
            .Select(p => p.OwnerId!.Value)
            .ToHashSet();
        if (owners.Count == 0)
        {
            return protector;
        }

        var keys = await keyRing.PrepareWriteKeysAsync(owners, newKeys, cancellationToken).ConfigureAwait(false);
        return protector.WithWriteKeys(keys);
    }

    // The last guard of every write path: a masked copy (Security.Disclosure) never overwrites the real values.
    private static void ThrowIfMasked<T>(IDocumentMapping<T> mapping, T aggregate)
        where T : class
    {
        if (aggregate is IAggregateRoot { IsMasked: true })
        {
            throw new MaskedDataException(mapping.EntityName, mapping.GetId(aggregate));
        }
    }

    private void EnsureOpen()
    {
        if (_committed)
        {
            throw new InvalidOperationException("This unit of work was already committed; begin a new one.");
        }
    }

    private sealed record Pending(
        string Collection,
        Guid? OwnerId,
        Func<FieldProtector, DocumentWrite> Build,
        Action? AfterCommit,
        IAggregateRoot? Root,
        string EntityName,
        Guid Id,
        AuditAction? AuditAs);
}
