using Crm.Sdk.Customers;
using Crm.Sdk.Deals;
using Crm.Sdk.Interactions;
using Crm.Sdk.ProviderKit;
using Crm.Sdk.Storage;
using Crm.Sdk.Tickets;
using NodaTime;

namespace Crm.Sdk.Encryption;

/// <summary>The default <see cref="IEncryptionMaintenance"/>.</summary>
internal sealed class EncryptionMaintenance(CrmStore store, CrmContext context, FieldEncryptionSetup setup) : IEncryptionMaintenance
{
    private const int BatchSize = 200;
    private const int MaxAttempts = 3;

    public async Task<MaintenanceResult> RewrapDataKeysAsync(IProgress<MaintenanceProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        const string Operation = "rewrap-data-keys";
        var ring = await RingAsync(cancellationToken).ConfigureAwait(false);
        var current = (await setup.KeyEncryptionKeys.GetCurrentKeyAsync(cancellationToken).ConfigureAwait(false)).KeyId;
        var tally = new Tally(Operation, progress);
        var live = IndexFilter.Equal(DataKeyMapping.ErasedIndex, 0L);
        await foreach (var batch in BatchesAsync(DataKeyMapping.CollectionName, live, cancellationToken).ConfigureAwait(false))
        {
            var writes = new List<DocumentWrite>();
            foreach (var document in batch)
            {
                if (await ring.RewrapAsync(document, current, cancellationToken).ConfigureAwait(false) is { } write)
                {
                    writes.Add(write);
                }
            }

            await CommitBatchAsync(writes, tally, batch.Count, id => RewrapOneAsync(ring, id, current, cancellationToken), cancellationToken).ConfigureAwait(false);
        }

        return tally.Result;
    }

    public async Task<MaintenanceResult> RefreshBlindIndexesAsync(IProgress<MaintenanceProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        const string Operation = "refresh-blind-indexes";
        var ring = await RingAsync(cancellationToken).ConfigureAwait(false);
        var currentForm = store.Protector.BlindIndexForm!;
        var currentKey = currentForm.ToString();
        var tally = new Tally(Operation, progress);
        await foreach (var batch in BatchesAsync(CustomerMapping.CollectionName, null, cancellationToken).ConfigureAwait(false))
        {
            var stale = batch.Where(d => !string.Equals(CustomerMapping.StoredBlindIndexForm(d), currentKey, StringComparison.Ordinal) && !IsErasedDocument(d)).ToList();
            var writes = await ResealAsync(ring, context.Customers, stale, null, cancellationToken).ConfigureAwait(false);
            await CommitBatchAsync(writes, tally, batch.Count, id => RefreshOneAsync(ring, id, currentKey, cancellationToken), cancellationToken).ConfigureAwait(false);
        }

        if (tally.Conflicts == 0)
        {
            // Every customer is indexed in the current form: later starts need not look the older forms up any more.
            await BlindIndexFormRegistry.ResetAsync(store.Provider, currentForm, store.Clock, cancellationToken).ConfigureAwait(false);
        }

        return tally.Result;
    }

    public async Task<MaintenanceResult> ReencryptDataAsync(Instant keysCreatedBefore, IProgress<MaintenanceProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        const string Operation = "reencrypt-data";
        var ring = await RingAsync(cancellationToken).ConfigureAwait(false);
        var tally = new Tally(Operation, progress);

        // 1. Customers whose active data key is older than the cut-off: a new key, and every record sealed again.
        var active = IndexFilter.And(IndexFilter.Equal(DataKeyMapping.ErasedIndex, 0L), IndexFilter.Equal(DataKeyMapping.RetiredIndex, 0L));
        await foreach (var batch in BatchesAsync(DataKeyMapping.CollectionName, active, cancellationToken).ConfigureAwait(false))
        {
            foreach (var keyDocument in batch)
            {
                var stored = DataKeyMapping.Read(keyDocument);
                if (stored.CreatedAt >= keysCreatedBefore)
                {
                    tally.Examined++;
                    continue;
                }

                await ReencryptCustomerAsync(ring, keyDocument.Id, stored.CustomerId, tally, cancellationToken).ConfigureAwait(false);
            }

            tally.Report();
        }

        // 2. Customers without any data key, written before encryption was switched on: a first key, and every record sealed.
        await foreach (var batch in BatchesAsync(CustomerMapping.CollectionName, null, cancellationToken).ConfigureAwait(false))
        {
            var withKeys = new HashSet<Guid>();
            var keyQuery = new DocumentQuery(DataKeyMapping.CollectionName) { Filter = IndexFilter.AnyOf(DataKeyMapping.CustomerIdIndex, batch.Select(d => (object)d.Id)) };
            await foreach (var keyDocument in store.QueryDocumentsAsync(keyQuery, cancellationToken).ConfigureAwait(false))
            {
                withKeys.Add(DataKeyMapping.Read(keyDocument).CustomerId);
            }

            foreach (var customer in batch.Where(d => !withKeys.Contains(d.Id) && !IsErasedDocument(d)))
            {
                await ReencryptCustomerAsync(ring, null, customer.Id, tally, cancellationToken).ConfigureAwait(false);
            }

            // 3. Erased customers: no key to seal with; their records without a seal are marked erased instead.
            foreach (var customer in batch.Where(IsErasedDocument))
            {
                await MarkUnsealedRecordsErasedAsync(customer.Id, tally, cancellationToken).ConfigureAwait(false);
            }

            tally.Report();
        }

        return tally.Result;
    }

    private static bool IsErasedDocument(StoredDocument document) => document.Body.Contains("\"erased\":true", StringComparison.Ordinal);

    /// <summary>
    /// Gives one customer a new data key (retiring <paramref name="oldKeyId"/>, if any) and seals its customer record,
    /// interactions, deals and tickets again under it, in one transaction: they are then in the current format (seal
    /// version 2). A record that fails its integrity check leaves the customer as it was, counted as unreadable.
    /// </summary>
    private async Task ReencryptCustomerAsync(DataKeyRing ring, Guid? oldKeyId, Guid customerId, Tally tally, CancellationToken cancellationToken)
    {
        tally.Examined++;
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var writes = new List<DocumentWrite>();
            if (oldKeyId is { } keyId)
            {
                var oldKey = await store.GetDocumentAsync(DataKeyMapping.CollectionName, keyId, cancellationToken).ConfigureAwait(false);
                if (oldKey is null || DataKeyMapping.Read(oldKey) is { Retired: true })
                {
                    return;
                }

                writes.Add(DataKeyMapping.Retire(oldKey));
            }

            var (newKey, insert) = await ring.CreateKeyAsync(customerId, cancellationToken).ConfigureAwait(false);
            writes.Add(insert);
            var keys = new Dictionary<Guid, DataKey> { [customerId] = newKey };
            try
            {
                var customer = await store.GetDocumentAsync(CustomerMapping.CollectionName, customerId, cancellationToken).ConfigureAwait(false);
                if (customer is not null)
                {
                    writes.AddRange(await ResealAsync(ring, context.Customers, [customer], keys, cancellationToken).ConfigureAwait(false));
                }

                writes.AddRange(await ResealOwnedAsync(ring, context.Interactions, InteractionMapping.CollectionName, InteractionMapping.CustomerIdIndex, customerId, keys, cancellationToken).ConfigureAwait(false));
                writes.AddRange(await ResealOwnedAsync(ring, context.Deals, DealMapping.CollectionName, DealMapping.CustomerIdIndex, customerId, keys, cancellationToken).ConfigureAwait(false));
                writes.AddRange(await ResealOwnedAsync(ring, context.Tickets, TicketMapping.CollectionName, TicketMapping.CustomerIdIndex, customerId, keys, cancellationToken).ConfigureAwait(false));
            }
            catch (CryptographicIntegrityException)
            {
                // Sealing a record that fails its check would make whatever it now holds look genuine: leave the customer.
                newKey.Dispose();
                tally.Unreadable++;
                return;
            }

            try
            {
                await store.CommitAsync(writes, cancellationToken).ConfigureAwait(false);
                ring.ForgetCustomer(customerId);
                ring.Remember(customerId, newKey);
                tally.Changed++;
                return;
            }
            catch (ConcurrencyConflictException) when (attempt < MaxAttempts)
            {
                // A record of the customer changed meanwhile: read everything again and retry.
                newKey.Dispose();
            }
            catch (ConcurrencyConflictException)
            {
                newKey.Dispose();
                tally.Conflicts++;
            }
        }
    }

    /// <summary>
    /// The interactions and tickets of an erased customer that have no seal (Crm.Sdk 1.0 sealed only records with an
    /// encrypted value, and erasure left them as they were) are written again as erased, without personal text and without
    /// a seal, as erasure writes them without encryption: they then read (as erased) when only version-2 seals are read.
    /// Records sealed under the erased key already read as erased and are left alone.
    /// </summary>
    private async Task MarkUnsealedRecordsErasedAsync(Guid customerId, Tally tally, CancellationToken cancellationToken)
    {
        var writes = await EraseUnsealedAsync(context.Interactions, InteractionMapping.CollectionName, InteractionMapping.CustomerIdIndex, customerId, i => i.WithContentErased(), cancellationToken).ConfigureAwait(false);
        writes.AddRange(await EraseUnsealedAsync(context.Tickets, TicketMapping.CollectionName, TicketMapping.CustomerIdIndex, customerId, t => t.WithContentErased(), cancellationToken).ConfigureAwait(false));
        if (writes.Count == 0)
        {
            return;
        }

        tally.Examined++;
        try
        {
            await store.CommitAsync(writes, cancellationToken).ConfigureAwait(false);
            tally.Changed++;
        }
        catch (ConcurrencyConflictException)
        {
            tally.Conflicts++;
        }
    }

    private async Task<List<DocumentWrite>> EraseUnsealedAsync<T>(
        IDocumentMapping<T> mapping, string collection, string customerIndex, Guid customerId, Func<T, T> erase, CancellationToken cancellationToken)
        where T : class
    {
        var writes = new List<DocumentWrite>();
        var query = new DocumentQuery(collection) { Filter = IndexFilter.Equal(customerIndex, customerId) };
        await foreach (var document in store.QueryDocumentsAsync(query, cancellationToken).ConfigureAwait(false))
        {
            if (IsErasedDocument(document) || document.Body.Contains("\"sealed\":", StringComparison.Ordinal))
            {
                continue;
            }

            // Read as stored (there is no seal to open); whatever personal text it holds is dropped by the erasure.
            var erased = erase(mapping.Deserialize(document, FieldProtector.Plain));
            writes.Add(DocumentWrite.Update(collection, document.Id, document.Version, mapping.Serialize(erased, FieldProtector.Plain), mapping.GetIndexValues(erased, FieldProtector.Plain)));
        }

        return writes;
    }

    private async Task<List<DocumentWrite>> ResealOwnedAsync<T>(
        DataKeyRing ring, IDocumentMapping<T> mapping, string collection, string customerIndex, Guid customerId, Dictionary<Guid, DataKey> keys, CancellationToken cancellationToken)
        where T : class
    {
        var documents = new List<StoredDocument>();
        var query = new DocumentQuery(collection) { Filter = IndexFilter.Equal(customerIndex, customerId) };
        await foreach (var document in store.QueryDocumentsAsync(query, cancellationToken).ConfigureAwait(false))
        {
            documents.Add(document);
        }

        return await ResealAsync(ring, mapping, documents, keys, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads documents and writes them again with the current protector: fresh envelopes, current blind indexes.</summary>
    private async Task<List<DocumentWrite>> ResealAsync<T>(
        DataKeyRing ring, IDocumentMapping<T> mapping, List<StoredDocument> documents, Dictionary<Guid, DataKey>? keys, CancellationToken cancellationToken)
        where T : class
    {
        var aggregates = new List<(StoredDocument Document, T Aggregate)>(documents.Count);
        foreach (var document in documents)
        {
            aggregates.Add((document, await store.DeserializeAsync(mapping, document, cancellationToken).ConfigureAwait(false)));
        }

        if (keys is null)
        {
            var owners = aggregates.Select(a => mapping.GetOwnerId(a.Aggregate)).OfType<Guid>().ToHashSet();
            var newKeys = new List<(Guid CustomerId, DataKey Key, DocumentWrite Write)>();
            keys = await ring.PrepareWriteKeysAsync(owners, newKeys, cancellationToken).ConfigureAwait(false);
            if (newKeys.Count > 0)
            {
                throw new InvalidOperationException("Re-sealing found a customer without a data key; run it after the customer's first encrypted write.");
            }
        }

        var protector = store.Protector.WithWriteKeys(keys);
        return aggregates.ConvertAll(a => DocumentWrite.Update(
            mapping.Collection.Name, a.Document.Id, a.Document.Version, mapping.Serialize(a.Aggregate, protector), mapping.GetIndexValues(a.Aggregate, protector)));
    }

    private async Task<bool> RewrapOneAsync(DataKeyRing ring, Guid id, string current, CancellationToken cancellationToken)
    {
        var document = await store.GetDocumentAsync(DataKeyMapping.CollectionName, id, cancellationToken).ConfigureAwait(false);
        if (document is null || await ring.RewrapAsync(document, current, cancellationToken).ConfigureAwait(false) is not { } write)
        {
            return false;
        }

        await store.CommitAsync([write], cancellationToken).ConfigureAwait(false);
        return true;
    }

    private async Task<bool> RefreshOneAsync(DataKeyRing ring, Guid id, string? currentKey, CancellationToken cancellationToken)
    {
        var document = await store.GetDocumentAsync(CustomerMapping.CollectionName, id, cancellationToken).ConfigureAwait(false);
        if (document is null || IsErasedDocument(document) || string.Equals(CustomerMapping.StoredBlindIndexForm(document), currentKey, StringComparison.Ordinal))
        {
            return false;
        }

        await store.CommitAsync(await ResealAsync(ring, context.Customers, [document], null, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>Commits a batch; when a record changed concurrently, retries the batch's records one by one.</summary>
    private async Task CommitBatchAsync(List<DocumentWrite> writes, Tally tally, int examined, Func<Guid, Task<bool>> retryOne, CancellationToken cancellationToken)
    {
        tally.Examined += examined;
        if (writes.Count > 0)
        {
            try
            {
                await store.CommitAsync(writes, cancellationToken).ConfigureAwait(false);
                tally.Changed += writes.Count;
            }
            catch (ConcurrencyConflictException)
            {
                foreach (var write in writes)
                {
                    await RetryAsync(write.Id, retryOne, tally).ConfigureAwait(false);
                }
            }
        }

        tally.Report();
    }

    private static async Task RetryAsync(Guid id, Func<Guid, Task<bool>> retryOne, Tally tally)
    {
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            try
            {
                if (await retryOne(id).ConfigureAwait(false))
                {
                    tally.Changed++;
                }

                return;
            }
            catch (ConcurrencyConflictException) when (attempt < MaxAttempts)
            {
                // Changed again meanwhile: read it again.
            }
            catch (ConcurrencyConflictException)
            {
                tally.Conflicts++;
            }
        }
    }

    private async IAsyncEnumerable<List<StoredDocument>> BatchesAsync(string collection, IndexFilter? filter, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        KeysetPosition? after = null;
        while (true)
        {
            var batch = new List<StoredDocument>(BatchSize);
            var query = new DocumentQuery(collection) { Filter = filter, Limit = BatchSize, After = after };
            await foreach (var document in store.QueryDocumentsAsync(query, cancellationToken).ConfigureAwait(false))
            {
                batch.Add(document);
            }

            if (batch.Count == 0)
            {
                yield break;
            }

            yield return batch;
            after = new KeysetPosition(batch[^1].Id, batch[^1].Id);
            if (batch.Count < BatchSize)
            {
                yield break;
            }
        }
    }

    private async Task<DataKeyRing> RingAsync(CancellationToken cancellationToken)
    {
        await store.EnsureReadyAsync(cancellationToken).ConfigureAwait(false);
        return store.KeyRing ?? throw new CrmConfigurationException("Field encryption is not enabled: call AddFieldEncryption(...) on services.AddCrm().");
    }

    private sealed class Tally(string operation, IProgress<MaintenanceProgress>? progress)
    {
        public long Examined { get; set; }

        public long Changed { get; set; }

        public long Conflicts { get; set; }

        public long Unreadable { get; set; }

        public MaintenanceResult Result => new(operation, Examined, Changed, Conflicts) { Unreadable = Unreadable };

        public void Report() => progress?.Report(new MaintenanceProgress(operation, Examined, Changed));
    }
}
