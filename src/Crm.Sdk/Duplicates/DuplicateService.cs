using System.Runtime.CompilerServices;
using Crm.Sdk.Audit;
using Crm.Sdk.Customers;
using Crm.Sdk.Deals;
using Crm.Sdk.Interactions;
using Crm.Sdk.ProviderKit;
using Crm.Sdk.Security;
using Crm.Sdk.Storage;
using Crm.Sdk.Tickets;

namespace Crm.Sdk.Duplicates;

/// <summary>The default <see cref="IDuplicateService"/>.</summary>
internal sealed class DuplicateService(CrmStore store, CrmContext context) : IDuplicateService
{
    /// <summary>Customers read per batch by a whole-store scan.</summary>
    private const int ScanBatch = 256;

    /// <summary>The most candidates read for one customer (a block larger than this is cut, in id order).</summary>
    private const int MaxCandidates = 1000;

    public async Task<IReadOnlyList<DuplicateMatch>> FindMatchesAsync(CustomerDraft draft, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var now = context.Now();
        var incoming = Customer.Create(draft, CustomerId.New(now), now, context.CustomerPolicy);
        await store.EnsureReadyAsync(cancellationToken).ConfigureAwait(false);
        return await MatchesAsync(incoming, context.Duplicates.Threshold, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<DuplicateMatch>> FindMatchesAsync(CustomerId id, CancellationToken cancellationToken = default)
    {
        CustomerId.ThrowIfEmpty(id, nameof(id));
        var customer = await store.GetAsync(context.Customers, id.Value, cancellationToken).ConfigureAwait(false);
        await context.Access.ThrowIfDeniedAsync(CrmResource.Customers, CrmAction.Read, id.Value, customer.OwnerId, cancellationToken).ConfigureAwait(false);
        return await MatchesAsync(customer, context.Duplicates.Threshold, cancellationToken).ConfigureAwait(false);
    }

    public async IAsyncEnumerable<DuplicatePair> FindDuplicatesAsync(
        double? threshold = null,
        CustomerId? after = null,
        IProgress<DuplicateScanProgress>? progress = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var minimum = threshold ?? context.Duplicates.Threshold;
        ArgumentOutOfRangeException.ThrowIfLessThan(minimum, 0.0, nameof(threshold));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minimum, 1.0, nameof(threshold));
        await store.EnsureReadyAsync(cancellationToken).ConfigureAwait(false);
        var scope = await context.Access.ScopeAsync(CrmResource.Customers, CrmAction.Read, cancellationToken).ConfigureAwait(false);
        long examined = 0, compared = 0, found = 0;
        var position = after is { } start ? new KeysetPosition(start.Value, start.Value) : null;
        while (true)
        {
            var query = scope.Apply(new DocumentQuery(CustomerMapping.CollectionName) { After = position, Limit = ScanBatch }, CustomerMapping.OwnerIdIndex);
            var batch = new List<Customer>(ScanBatch);
            await foreach (var customer in store.QueryAsync(context.Customers, query, cancellationToken).ConfigureAwait(false))
            {
                batch.Add(customer);
            }

            foreach (var customer in batch)
            {
                if (customer.IsErased)
                {
                    continue;
                }

                var profile = MatchProfile.Of(customer, context.Duplicates);
                foreach (var candidate in await CandidatesAsync(profile, scope, cancellationToken).ConfigureAwait(false))
                {
                    if (candidate.Id.CompareTo(customer.Id) <= 0 || candidate.IsErased)
                    {
                        continue;
                    }

                    compared++;
                    var (score, fields, explanation) = MatchScorer.Score(profile, MatchProfile.Of(candidate, context.Duplicates));
                    if (score >= minimum)
                    {
                        found++;
                        yield return new DuplicatePair(customer.Id, candidate.Id, score, explanation, fields);
                    }
                }
            }

            examined += batch.Count;
            if (batch.Count > 0)
            {
                position = new KeysetPosition(batch[^1].Id.Value, batch[^1].Id.Value);
            }

            progress?.Report(new DuplicateScanProgress(examined, compared, found, batch.Count > 0 ? batch[^1].Id : after));
            if (batch.Count < ScanBatch)
            {
                yield break;
            }
        }
    }

    public async Task<MergeResult> MergeAsync(CustomerId survivor, CustomerId duplicate, MergeOptions? options = null, CancellationToken cancellationToken = default)
    {
        var (survivorDocument, duplicateDocument, merged, result, now) = await PrepareMergeAsync(survivor, duplicate, options, cancellationToken).ConfigureAwait(false);

        var session = store.OpenSession();
        var records = new List<JournalRecord>();
        var interactions = await RepointAsync(session, context.Interactions, InteractionMapping.CollectionName, InteractionMapping.CustomerIdIndex, duplicate, i => i.MoveToCustomer(survivor), records, cancellationToken).ConfigureAwait(false);
        var deals = await RepointAsync(session, context.Deals, DealMapping.CollectionName, DealMapping.CustomerIdIndex, duplicate, d => d.MoveToCustomer(survivor), records, cancellationToken).ConfigureAwait(false);
        var tickets = await RepointAsync(session, context.Tickets, TicketMapping.CollectionName, TicketMapping.CustomerIdIndex, duplicate, t => t.MoveToCustomer(survivor), records, cancellationToken).ConfigureAwait(false);

        // The duplicate goes first, so that its external ids are free when the survivor takes them in the same transaction.
        var mergeId = Guid.CreateVersion7(now.ToDateTimeOffset());
        result.RecordMerge(duplicate, mergeId);
        session.Delete(context.Customers, merged);
        session.Update(context.Customers, result);
        session.Add(MergeJournalMapping.Insert(new MergeJournal(
            0,
            mergeId,
            now,
            new JournalRecord(CustomerMapping.CollectionName, survivor.Value, survivorDocument.Version, survivorDocument.Version + 1, survivorDocument.Body),
            new JournalRecord(CustomerMapping.CollectionName, duplicate.Value, duplicateDocument.Version, 0, duplicateDocument.Body),
            records)));
        session.AddAuditEntry(AuditAction.Merge, CrmResource.Customers, survivor.Value);
        session.AddAuditEntry(AuditAction.Merge, CrmResource.Customers, duplicate.Value);
        await session.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new MergeResult(mergeId, context.Access.Written(result), duplicate, interactions, deals, tickets);
    }

    public async Task<MergePreview> PreviewMergeAsync(CustomerId survivor, CustomerId duplicate, MergeOptions? options = null, CancellationToken cancellationToken = default)
    {
        var (_, _, _, result, _) = await PrepareMergeAsync(survivor, duplicate, options, cancellationToken).ConfigureAwait(false);
        Task<long> CountAsync(string collection, string customerIndex) =>
            store.CountAsync(collection, IndexFilter.Equal(customerIndex, duplicate.Value), cancellationToken);
        return new MergePreview(
            await context.Access.ReadAsync(store, result, cancellationToken).ConfigureAwait(false),
            duplicate,
            await CountAsync(InteractionMapping.CollectionName, InteractionMapping.CustomerIdIndex).ConfigureAwait(false),
            await CountAsync(DealMapping.CollectionName, DealMapping.CustomerIdIndex).ConfigureAwait(false),
            await CountAsync(TicketMapping.CollectionName, TicketMapping.CustomerIdIndex).ConfigureAwait(false));
    }

    /// <summary>
    /// The checks of a merge and the survivor it would save: both customers read (as stored), the actor's <c>Merge</c>
    /// permission on both, neither erased, and the survivorship rules applied.
    /// </summary>
    private async Task<(StoredDocument SurvivorDocument, StoredDocument DuplicateDocument, Customer Duplicate, Customer Result, NodaTime.Instant Now)> PrepareMergeAsync(
        CustomerId survivor, CustomerId duplicate, MergeOptions? options, CancellationToken cancellationToken)
    {
        CustomerId.ThrowIfEmpty(survivor, nameof(survivor));
        CustomerId.ThrowIfEmpty(duplicate, nameof(duplicate));
        if (survivor == duplicate)
        {
            throw new DomainRuleException("merge-same-customer", $"Customer '{survivor}' cannot be merged into itself.");
        }

        await store.EnsureReadyAsync(cancellationToken).ConfigureAwait(false);
        var survivorDocument = await RawAsync(CustomerMapping.CollectionName, survivor.Value, cancellationToken).ConfigureAwait(false) ?? throw new EntityNotFoundException(nameof(Customer), survivor.ToString());
        var duplicateDocument = await RawAsync(CustomerMapping.CollectionName, duplicate.Value, cancellationToken).ConfigureAwait(false) ?? throw new EntityNotFoundException(nameof(Customer), duplicate.ToString());
        var kept = await store.DeserializeAsync(context.Customers, survivorDocument, cancellationToken).ConfigureAwait(false);
        var merged = await store.DeserializeAsync(context.Customers, duplicateDocument, cancellationToken).ConfigureAwait(false);
        await context.Access.ThrowIfDeniedAsync(CrmResource.Customers, CrmAction.Merge, kept.Id.Value, kept.OwnerId, cancellationToken).ConfigureAwait(false);
        await context.Access.ThrowIfDeniedAsync(CrmResource.Customers, CrmAction.Merge, merged.Id.Value, merged.OwnerId, cancellationToken).ConfigureAwait(false);
        if (kept.IsErased || merged.IsErased)
        {
            throw new DomainRuleException("customer-erased", $"Customer '{(kept.IsErased ? survivor : duplicate)}' was erased and cannot be merged.");
        }

        var now = context.Now();
        var result = context.Customers.Attach(CustomerMerger.Merge(kept, merged, options ?? new MergeOptions(), now));
        result.Touch(now);
        return (survivorDocument, duplicateDocument, merged, result, now);
    }

    public async Task UnmergeAsync(Guid mergeId, CancellationToken cancellationToken = default)
    {
        if (mergeId == Guid.Empty)
        {
            throw new CrmValidationException(nameof(mergeId), "required", "A merge id is required.");
        }

        await store.EnsureReadyAsync(cancellationToken).ConfigureAwait(false);
        var journalDocument = await RawAsync(MergeJournalMapping.CollectionName, mergeId, cancellationToken).ConfigureAwait(false)
            ?? throw new EntityNotFoundException("MergeJournal", mergeId.ToString());
        var journal = MergeJournalMapping.Read(journalDocument);

        var current = await RawAsync(CustomerMapping.CollectionName, journal.Survivor.Id, cancellationToken).ConfigureAwait(false);
        ThrowIfChanged(journal, journal.Survivor, current);
        if (await RawAsync(CustomerMapping.CollectionName, journal.Duplicate.Id, cancellationToken).ConfigureAwait(false) is not null)
        {
            throw new MergeConflictException(mergeId, CustomerMapping.CollectionName, journal.Duplicate.Id, $"Customer '{journal.Duplicate.Id}' exists again since the merge; the merge cannot be undone.");
        }

        var survivorNow = await store.DeserializeAsync(context.Customers, current!, cancellationToken).ConfigureAwait(false);
        var survivorBefore = await BeforeAsync(context.Customers, journal.Survivor, cancellationToken).ConfigureAwait(false);
        var duplicateBefore = await BeforeAsync(context.Customers, journal.Duplicate, cancellationToken).ConfigureAwait(false);
        foreach (var customer in new[] { survivorNow, survivorBefore, duplicateBefore })
        {
            await context.Access.ThrowIfDeniedAsync(CrmResource.Customers, CrmAction.Merge, customer.Id.Value, customer.OwnerId, cancellationToken).ConfigureAwait(false);
        }

        var session = store.OpenSession();

        // The survivor first, giving back the duplicate's external ids, then the duplicate at the version it had.
        survivorBefore.Version = current!.Version;
        survivorBefore.RecordUnmerge(duplicateBefore.Id, mergeId);
        session.Update(context.Customers, survivorBefore);
        duplicateBefore.Version = journal.Duplicate.VersionBefore - 1;
        session.Restore(context.Customers, duplicateBefore);
        foreach (var record in journal.Records)
        {
            var now = await RawAsync(record.Collection, record.Id, cancellationToken).ConfigureAwait(false);
            ThrowIfChanged(journal, record, now);
            switch (record.Collection)
            {
                case InteractionMapping.CollectionName:
                    session.Update(context.Interactions, WithVersion(await BeforeAsync(context.Interactions, record, cancellationToken).ConfigureAwait(false), now!.Version));
                    break;
                case DealMapping.CollectionName:
                    session.Update(context.Deals, WithVersion(await BeforeAsync(context.Deals, record, cancellationToken).ConfigureAwait(false), now!.Version));
                    break;
                case TicketMapping.CollectionName:
                    session.Update(context.Tickets, WithVersion(await BeforeAsync(context.Tickets, record, cancellationToken).ConfigureAwait(false), now!.Version));
                    break;
                default:
                    throw new CrmStorageException($"Merge journal '{mergeId}' names an unknown collection '{record.Collection}'.", null);
            }
        }

        session.Add(DocumentWrite.Delete(MergeJournalMapping.CollectionName, mergeId, journalDocument.Version));
        session.AddAuditEntry(AuditAction.Merge, CrmResource.Customers, journal.Survivor.Id);
        session.AddAuditEntry(AuditAction.Merge, CrmResource.Customers, journal.Duplicate.Id);
        try
        {
            await session.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (ConcurrencyConflictException ex)
        {
            throw new MergeConflictException(mergeId, ex.EntityType, Guid.TryParse(ex.Id, out var id) ? id : Guid.Empty, $"A record changed while the merge was being undone ({ex.Message}); nothing was written.");
        }
    }

    private static T WithVersion<T>(T aggregate, long version)
        where T : Domain.AggregateRoot<T>
    {
        aggregate.Version = version;
        return aggregate;
    }

    private static void ThrowIfChanged(MergeJournal journal, JournalRecord record, StoredDocument? current)
    {
        if (current is null)
        {
            throw new MergeConflictException(journal.MergeId, record.Collection, record.Id, $"Record '{record.Id}' in {record.Collection} was deleted after the merge; the merge cannot be undone.");
        }

        if (current.Version != record.VersionAfter)
        {
            throw new MergeConflictException(journal.MergeId, record.Collection, record.Id, $"Record '{record.Id}' in {record.Collection} changed after the merge (version {record.VersionAfter}, now {current.Version}); undoing would lose that change.");
        }
    }

    private Task<T> BeforeAsync<T>(IDocumentMapping<T> mapping, JournalRecord record, CancellationToken cancellationToken)
        where T : class =>
        store.DeserializeAsync(mapping, new StoredDocument(record.Id, record.VersionBefore, record.BodyBefore), cancellationToken);

    private async Task<StoredDocument?> RawAsync(string collection, Guid id, CancellationToken cancellationToken) =>
        await store.GetDocumentAsync(collection, id, cancellationToken).ConfigureAwait(false);

    private async Task<int> RepointAsync<T>(DocumentSession session, IDocumentMapping<T> mapping, string collection, string customerIndex, CustomerId from, Action<T> move, List<JournalRecord> records, CancellationToken cancellationToken)
        where T : class
    {
        var documents = new List<StoredDocument>();
        await foreach (var document in store.QueryDocumentsAsync(new DocumentQuery(collection) { Filter = IndexFilter.Equal(customerIndex, from.Value) }, cancellationToken).ConfigureAwait(false))
        {
            documents.Add(document);
        }

        foreach (var document in documents)
        {
            var item = await store.DeserializeAsync(mapping, document, cancellationToken).ConfigureAwait(false);
            move(item);
            session.Update(mapping, item);
            records.Add(new JournalRecord(collection, document.Id, document.Version, document.Version + 1, document.Body));
        }

        return documents.Count;
    }

    private async Task<IReadOnlyList<DuplicateMatch>> MatchesAsync(Customer customer, double threshold, CancellationToken cancellationToken)
    {
        var profile = MatchProfile.Of(customer, context.Duplicates);
        var scope = await context.Access.ScopeAsync(CrmResource.Customers, CrmAction.Read, cancellationToken).ConfigureAwait(false);
        var matches = new List<DuplicateMatch>();
        foreach (var candidate in await CandidatesAsync(profile, scope, cancellationToken).ConfigureAwait(false))
        {
            if (candidate.Id == customer.Id || candidate.IsErased)
            {
                continue;
            }

            var (score, fields, explanation) = MatchScorer.Score(profile, MatchProfile.Of(candidate, context.Duplicates));
            if (score >= threshold)
            {
                matches.Add(new DuplicateMatch(candidate, score, explanation, fields));
            }
        }

        // The candidates leave the SDK here: masked for an actor who does not see personal data, else recorded as read.
        var ordered = matches.OrderByDescending(m => m.Score).ThenBy(m => m.Customer.Id).ToList();
        var disclosed = await context.Access.ReadAsync(store, [.. ordered.Select(m => m.Customer)], cancellationToken).ConfigureAwait(false);
        return [.. ordered.Select((m, i) => m with { Customer = disclosed[i] })];
    }

    private async Task<List<Customer>> CandidatesAsync(MatchProfile profile, AccessScope scope, CancellationToken cancellationToken)
    {
        var values = CustomerMapping.MatchKeyLookup(profile, store.Protector);
        var candidates = new List<Customer>();
        if (values.Count == 0)
        {
            return candidates;
        }

        var filter = values.Count == 1 ? IndexFilter.Equal(CustomerMapping.MatchKeysIndex, values[0]) : IndexFilter.AnyOf(CustomerMapping.MatchKeysIndex, values);
        var query = scope.Apply(new DocumentQuery(CustomerMapping.CollectionName) { Filter = filter, Limit = MaxCandidates }, CustomerMapping.OwnerIdIndex);
        await foreach (var candidate in store.QueryAsync(context.Customers, query, cancellationToken).ConfigureAwait(false))
        {
            candidates.Add(candidate);
        }

        return candidates;
    }
}
