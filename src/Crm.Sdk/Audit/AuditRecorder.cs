using Crm.Sdk.Customers;
using Crm.Sdk.Deals;
using Crm.Sdk.Interactions;
using Crm.Sdk.Pipelines;
using Crm.Sdk.ProviderKit;
using Crm.Sdk.Security;
using Crm.Sdk.Storage;
using Crm.Sdk.Tickets;
using Microsoft.Extensions.Logging;

namespace Crm.Sdk.Audit;

/// <summary>
/// Appends audit entries: reads the chain head, chains the new entries after it and commits them, the head update (at
/// its expected version) and the caller's own writes in one provider transaction. Two writers that read the same head
/// conflict on it; the loser reads the new head and tries again (its own writes are unchanged, so a conflict on them
/// still reaches the caller as the usual <see cref="ConcurrencyConflictException"/>).
/// </summary>
/// <remarks>
/// Entries of reads wait up to <see cref="AuditTrailOptions.ReadEntryDelay"/> and are written together (see
/// <see cref="PendingReads"/>): a read then costs no write of its own.
/// </remarks>
internal sealed class AuditRecorder : IAccessAuditSink, IDisposable
{
    private const int MaxAttempts = 50;

    private readonly CrmStore _store;
    private readonly AuditTrailOptions _options;
    private readonly Func<AccessPolicy> _policy;
    private StoredDocument? _lastHead;

    public AuditRecorder(CrmStore store, AuditTrailOptions options, Func<AccessPolicy> policy, ILogger logger)
    {
        _store = store;
        _options = options;
        _policy = policy;
        PendingReads = new PendingReads(this, options.ReadEntryDelay, logger);
    }

    /// <summary>The entries of reads that wait to be written.</summary>
    public PendingReads PendingReads { get; }

    /// <summary>Whether reads of personal data and exports are recorded: only when access control is on.</summary>
    public bool RecordsReads => _policy().IsEnabled;

    /// <summary>The id the current actor is recorded under.</summary>
    public string CurrentActorId => _policy().Actor?.UserId ?? AuditEntryMapping.NoActor;

    /// <summary>The resource a collection's records are, or <see langword="null"/> for the SDK's internal collections (not audited).</summary>
    public static CrmResource? ResourceOf(string collection) => collection switch
    {
        CustomerMapping.CollectionName => CrmResource.Customers,
        InteractionMapping.CollectionName => CrmResource.Interactions,
        DealMapping.CollectionName => CrmResource.Deals,
        PipelineMapping.CollectionName => CrmResource.Pipelines,
        TicketMapping.CollectionName => CrmResource.Tickets,
        _ => null,
    };

    /// <summary>Commits <paramref name="writes"/> with the entries of <paramref name="drafts"/> in one transaction.</summary>
    public Task CommitAsync(IReadOnlyList<DocumentWrite> writes, IReadOnlyList<AuditDraft> drafts, CancellationToken cancellationToken) =>
        CommitAsync((_, _) => Task.FromResult<(IReadOnlyList<DocumentWrite>, AuditHeadDocument?)>((writes, null)), drafts, cancellationToken);

    /// <summary>
    /// Commits the writes <paramref name="prepare"/> builds from the current head (and, optionally, a head with a new
    /// anchor), with the entries of <paramref name="drafts"/> chained after the head, in one transaction; retries when
    /// another writer moved the head first.
    /// </summary>
    public async Task CommitAsync(
        Func<AuditHeadDocument, CancellationToken, Task<(IReadOnlyList<DocumentWrite> Writes, AuditHeadDocument? Anchored)>> prepare,
        IReadOnlyList<AuditDraft> drafts,
        CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await _store.EnsureReadyAsync(cancellationToken).ConfigureAwait(false);
            // The head this recorder last committed saves a read per commit; when another writer moved it since, the
            // commit conflicts on it and the next attempt reads it.
            var stored = attempt == 1 && Volatile.Read(ref _lastHead) is { } last ? last : await ReadHeadDocumentAsync(cancellationToken).ConfigureAwait(false);
            var head = AuditEntryMapping.ReadHead(stored);
            var (writes, anchored) = await prepare(head, cancellationToken).ConfigureAwait(false);
            var start = anchored ?? head;
            var now = _store.Clock.GetCurrentInstant();
            var batch = new List<DocumentWrite>(writes.Count + drafts.Count + 1) { default! };
            var sequence = start.Sequence;
            var previous = start.Hash;
            foreach (var draft in drafts)
            {
                var entry = AuditEntryMapping.Create(++sequence, now, previous, draft);
                previous = entry.Hash;
                batch.Add(AuditEntryMapping.ToWrite(entry));
            }

            var newHead = start with { Sequence = sequence, Hash = previous, At = drafts.Count > 0 ? now : start.At };

            // The head goes first: on PostgreSQL its row lock orders concurrent writers before they touch anything else.
            var headWrite = AuditEntryMapping.HeadWrite(stored, newHead);
            batch[0] = headWrite;
            batch.AddRange(writes);
            try
            {
                await _store.CommitAsync(batch, cancellationToken).ConfigureAwait(false);
            }
            catch (ConcurrencyConflictException e) when (e.EntityType == AuditEntryMapping.HeadCollectionName && attempt < MaxAttempts)
            {
                continue;
            }
            catch (DuplicateKeyException e) when (e.EntityType == AuditEntryMapping.HeadCollectionName && attempt < MaxAttempts)
            {
                continue;
            }

            Volatile.Write(ref _lastHead, new StoredDocument(AuditEntryMapping.HeadId, headWrite.NewVersion, headWrite.Body!));
            AfterCommit(head.Sequence, newHead);
            return;
        }
    }

    /// <summary>Reads the chain head's document (absent before the first entry).</summary>
    public Task<StoredDocument?> ReadHeadDocumentAsync(CancellationToken cancellationToken) =>
        _store.GetDocumentAsync(AuditEntryMapping.HeadCollectionName, AuditEntryMapping.HeadId, cancellationToken);

    /// <summary>Records entries on their own (reads, exports, denials).</summary>
    public Task RecordAsync(IReadOnlyList<AuditDraft> drafts, CancellationToken cancellationToken) =>
        CommitAsync([], drafts, cancellationToken);

    /// <summary>Records a read of records handed out unmasked (see <see cref="Disclosure"/>), as the current actor, when access control is on; the entry may wait (<see cref="PendingReads"/>).</summary>
    public Task RecordReadAsync(CrmResource resource, IReadOnlyList<Guid> ids, CancellationToken cancellationToken) =>
        RecordsReads && ids.Count > 0
            ? PendingReads.AddAsync(new AuditDraft(CurrentActorId, AuditAction.Read, resource, AuditOutcome.Succeeded, ids, []) { At = _store.Clock.GetCurrentInstant() }, cancellationToken)
            : Task.CompletedTask;

    /// <summary>Writes the entries of reads still waiting.</summary>
    public void Dispose() => PendingReads.Dispose();

    /// <inheritdoc />
    public Task RecordDeniedAsync(CrmActor? actor, CrmResource resource, CrmAction action, Guid? recordId, CancellationToken cancellationToken) =>
        RecordAsync([new AuditDraft(actor?.UserId ?? AuditEntryMapping.NoActor, ToAuditAction(action), resource, AuditOutcome.Denied, recordId is { } id ? [id] : [], [])], cancellationToken);

    public static AuditAction ToAuditAction(CrmAction action) => action switch
    {
        CrmAction.Read => AuditAction.Read,
        CrmAction.Create => AuditAction.Create,
        CrmAction.Update => AuditAction.Update,
        CrmAction.Delete => AuditAction.Delete,
        CrmAction.Export => AuditAction.Export,
        CrmAction.Erase => AuditAction.Erase,
        CrmAction.Merge => AuditAction.Merge,
        CrmAction.Import => AuditAction.Import,
        _ => AuditAction.Administer,
    };

    /// <summary>Hands the head to the host's callback, if any; its failure never fails the caller.</summary>
    public void Announce(AuditChainHead head)
    {
        if (_options.ChainHeadCallback is not { } callback)
        {
            return;
        }

        try
        {
            callback(head);
        }
#pragma warning disable CA1031 // The change committed: the host's anchoring callback must not turn it into an error.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }

    private void AfterCommit(long before, AuditHeadDocument head)
    {
        var interval = _options.ChainHeadInterval;
        if (head.Sequence / interval != before / interval)
        {
            Announce(head.ToChainHead());
        }
    }
}

/// <summary>Where <see cref="AccessPolicy"/> reports denied attempts.</summary>
internal interface IAccessAuditSink
{
    /// <summary>Records a denied attempt on its own.</summary>
    Task RecordDeniedAsync(CrmActor? actor, CrmResource resource, CrmAction action, Guid? recordId, CancellationToken cancellationToken);
}
