using System.Globalization;
using System.Runtime.CompilerServices;
using Crm.Sdk.ProviderKit;
using Crm.Sdk.Security;
using Crm.Sdk.Storage;
using NodaTime;

namespace Crm.Sdk.Audit;

/// <summary>The default <see cref="IAuditTrail"/>, over the store's <see cref="AuditRecorder"/>.</summary>
internal sealed class AuditTrail(CrmStore store, AccessPolicy policy) : IAuditTrail
{
    private AuditRecorder Recorder => store.Audit ?? throw new InvalidOperationException("The audit trail is not enabled.");

    public async Task<Page<AuditEntry>> ListAsync(AuditFilter filter, PageRequest page, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(page);
        await policy.ScopeAsync(CrmResource.Audit, CrmAction.Read, cancellationToken).ConfigureAwait(false);
        await Recorder.PendingReads.FlushAsync(cancellationToken).ConfigureAwait(false);
        return await store.PageAsync(AuditEntryMapping.Instance, "audit", Query(filter), page, cancellationToken).ConfigureAwait(false);
    }

    public async IAsyncEnumerable<AuditEntry> StreamAsync(AuditFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await policy.ScopeAsync(CrmResource.Audit, CrmAction.Export, cancellationToken).ConfigureAwait(false);
        await Recorder.PendingReads.FlushAsync(cancellationToken).ConfigureAwait(false);
        await Recorder.RecordAsync([new AuditDraft(Recorder.CurrentActorId, AuditAction.Export, CrmResource.Audit, AuditOutcome.Succeeded, [], [])], cancellationToken).ConfigureAwait(false);
        await foreach (var document in store.QueryDocumentsAsync(Query(filter), cancellationToken).ConfigureAwait(false))
        {
            yield return AuditEntryMapping.Read(document);
        }
    }

    public async Task<AuditVerification> VerifyAsync(IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        await policy.ScopeAsync(CrmResource.Audit, CrmAction.Read, cancellationToken).ConfigureAwait(false);
        await store.EnsureReadyAsync(cancellationToken).ConfigureAwait(false);
        await Recorder.PendingReads.FlushAsync(cancellationToken).ConfigureAwait(false);
        var head = AuditEntryMapping.ReadHead(await Recorder.ReadHeadDocumentAsync(cancellationToken).ConfigureAwait(false));
        var chainHead = head.ToChainHead();
        var expected = head.AnchorSequence + 1;
        var previous = head.AnchorHash;
        var checkedCount = 0L;
        AuditVerification Bad(long sequence, AuditIntegrityProblem problem, string message) =>
            new(checkedCount, chainHead, sequence, problem, message);

        var query = new DocumentQuery(AuditEntryMapping.CollectionName) { OrderBy = AuditEntryMapping.SequenceIndex };
        await foreach (var document in store.QueryDocumentsAsync(query, cancellationToken).ConfigureAwait(false))
        {
            checkedCount++;
            var entry = AuditEntryMapping.Read(document);
            var position = Convert.ToInt64(document.SortValue, CultureInfo.InvariantCulture);
            if (entry.Sequence < expected && position < expected)
            {
                return Bad(entry.Sequence, AuditIntegrityProblem.Inserted, $"Audit entry {entry.Sequence} ({document.Id}) repeats a sequence number or precedes the prune point: it was inserted.");
            }

            if (!string.Equals(AuditEntryMapping.ComputeHash(entry), entry.Hash, StringComparison.Ordinal))
            {
                return Bad(entry.Sequence, AuditIntegrityProblem.Changed, $"Audit entry {entry.Sequence} ({document.Id}) does not match its hash: it was changed.");
            }

            if (position != entry.Sequence)
            {
                return Bad(entry.Sequence, AuditIntegrityProblem.Reordered, $"Audit entry {entry.Sequence} ({document.Id}) is stored at position {position}: it was moved.");
            }


            if (entry.Sequence > expected)
            {
                return Bad(expected, AuditIntegrityProblem.Removed, $"Audit entry {expected} is missing: the chain goes from {expected - 1} to {entry.Sequence}.");
            }

            if (!string.Equals(entry.PreviousHash, previous, StringComparison.Ordinal))
            {
                return Bad(expected - 1, AuditIntegrityProblem.Changed, $"Audit entry {entry.Sequence} does not follow the stored entry {expected - 1}: entry {expected - 1} was changed or replaced.");
            }

            previous = entry.Hash;
            expected++;
            if (checkedCount % 1000 == 0)
            {
                progress?.Report(checkedCount);
            }
        }

        progress?.Report(checkedCount);
        if (expected - 1 < head.Sequence)
        {
            return Bad(expected, AuditIntegrityProblem.Removed, $"The chain ends at entry {expected - 1} but its head is entry {head.Sequence}: entry {expected} and later were removed.");
        }

        if (expected - 1 > head.Sequence)
        {
            return Bad(head.Sequence + 1, AuditIntegrityProblem.Inserted, $"Audit entry {head.Sequence + 1} is after the chain head: it was inserted.");
        }

        if (!string.Equals(previous, head.Hash, StringComparison.Ordinal))
        {
            return Bad(head.Sequence, AuditIntegrityProblem.Changed, $"Audit entry {head.Sequence} does not match the chain head's hash: it was replaced.");
        }

        Recorder.Announce(chainHead);
        return new AuditVerification(checkedCount, chainHead, null, null, null);
    }

    public async Task<long> PruneAsync(Instant before, CancellationToken cancellationToken = default)
    {
        await policy.ScopeAsync(CrmResource.Audit, CrmAction.Administer, cancellationToken).ConfigureAwait(false);
        await Recorder.PendingReads.FlushAsync(cancellationToken).ConfigureAwait(false);
        var pruned = 0L;
        await Recorder.CommitAsync(
            async (head, ct) =>
            {
                // The prefix of the chain before the first entry written at or after 'before'.
                var firstKept = new DocumentQuery(AuditEntryMapping.CollectionName)
                {
                    Filter = IndexFilter.Range(AuditEntryMapping.AtIndex, IndexConversions.ToIndex(before), null),
                    OrderBy = AuditEntryMapping.SequenceIndex,
                    Limit = 1,
                };
                var through = head.Sequence;
                await foreach (var document in store.QueryDocumentsAsync(firstKept, ct).ConfigureAwait(false))
                {
                    through = AuditEntryMapping.Read(document).Sequence - 1;
                }

                pruned = Math.Max(0, through - head.AnchorSequence);
                if (pruned == 0)
                {
                    return ([], null);
                }

                var last = new DocumentQuery(AuditEntryMapping.CollectionName)
                {
                    Filter = IndexFilter.Equal(AuditEntryMapping.SequenceIndex, through),
                    Limit = 1,
                };
                string? anchorHash = null;
                await foreach (var document in store.QueryDocumentsAsync(last, ct).ConfigureAwait(false))
                {
                    anchorHash = AuditEntryMapping.Read(document).Hash;
                }

                if (anchorHash is null)
                {
                    throw new CrmStorageException($"Audit entry {through} is missing: verify the audit trail before pruning it.", null);
                }

                IReadOnlyList<DocumentWrite> writes =
                    [DocumentWrite.DeleteWhere(AuditEntryMapping.CollectionName, IndexFilter.Range(AuditEntryMapping.SequenceIndex, null, through + 1))];
                return (writes, head with { AnchorSequence = through, AnchorHash = anchorHash });
            },
            [new AuditDraft(Recorder.CurrentActorId, AuditAction.Prune, CrmResource.Audit, AuditOutcome.Succeeded, [], [])],
            cancellationToken).ConfigureAwait(false);
        return pruned;
    }

    private static DocumentQuery Query(AuditFilter filter)
    {
        IndexFilter? range = filter.From is null && filter.To is null
            ? null
            : IndexFilter.Range(AuditEntryMapping.AtIndex, filter.From is { } from ? IndexConversions.ToIndex(from) : null, filter.To is { } to ? IndexConversions.ToIndex(to) : null);
        IndexFilter?[] conditions =
        [
            filter.RecordId is { } id ? IndexFilter.Equal(AuditEntryMapping.RecordIdsIndex, AuditEntryMapping.RecordKey(id)) : null,
            filter.ActorId is { } actor ? IndexFilter.Equal(AuditEntryMapping.ActorIdIndex, actor) : null,
            range,
        ];
        return new DocumentQuery(AuditEntryMapping.CollectionName)
        {
            Filter = conditions.Any(c => c is not null) ? IndexFilter.And(conditions) : null,
            OrderBy = AuditEntryMapping.SequenceIndex,
        };
    }
}
