using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using Crm.Sdk.Audit;
using Crm.Sdk.Customers;
using Crm.Sdk.Diagnostics;
using Crm.Sdk.Encryption;
using Crm.Sdk.ProviderKit;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace Crm.Sdk.Storage;

/// <summary>
/// The SDK's side of the storage contract: makes sure the schema is in place before the first call, turns
/// documents into aggregates through their mappings, pages with continuation tokens (authenticated with the database's
/// token key, read once and kept), and wraps any unexpected provider failure in <see cref="CrmStorageException"/>.
/// </summary>
internal sealed partial class CrmStore : IDisposable
{
    private const string Failed = "The storage provider failed";

    /// <summary>Documents a stream reads ahead, to look their data keys up together.</summary>
    private const int StreamChunkSize = 64;

    private readonly IDocumentStore _provider;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _schemaGate = new(1, 1);
    private readonly FieldEncryptionSetup? _encryption;
    private volatile bool _schemaReady;
    private byte[]? _tokenKey;

    public CrmStore(
        IDocumentStore provider,
        StoreSchema schema,
        IClock clock,
        ILogger<CrmStore> logger,
        FieldEncryptionSetup? encryption = null,
        IReadOnlyList<IDataUpgrade>? dataUpgrades = null,
        bool runDataUpgradesInBackground = true,
        AuditSetup? audit = null)
    {
        _provider = provider;
        Schema = schema;
        Clock = clock;
        _logger = logger;
        _encryption = encryption;
        DataUpgrades = new DataUpgradeRunner(this, dataUpgrades ?? [], runDataUpgradesInBackground, logger);
        Audit = audit is null ? null : new AuditRecorder(this, audit.Options, audit.Policy, logger);
    }

    /// <summary>The audit trail's writer, or <see langword="null"/> when the host did not add the audit trail.</summary>
    public AuditRecorder? Audit { get; }

    /// <summary>The data upgrades of stored values, started once the schema is ready (see <see cref="DataUpgradeRunner"/>).</summary>
    public DataUpgradeRunner DataUpgrades { get; }

    /// <summary>Seals and opens personal fields; <see cref="FieldProtector.Plain"/> until ready or without encryption.</summary>
    public FieldProtector Protector { get; private set; } = FieldProtector.Plain;

    /// <summary>The customers' data keys, or <see langword="null"/> without encryption.</summary>
    public DataKeyRing? KeyRing { get; private set; }

    public StoreSchema Schema { get; }

    public IClock Clock { get; }

    public IDocumentStore Provider => _provider;

    public DocumentSession OpenSession() => new(this);

    public async Task EnsureReadyAsync(CancellationToken cancellationToken)
    {
        if (_schemaReady)
        {
            return;
        }

        await _schemaGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_schemaReady)
            {
                await Guard(() => _provider.EnsureSchemaAsync(Schema, cancellationToken), "preparing the database schema").ConfigureAwait(false);
                if (_encryption is not null)
                {
                    await EnsureRootKeysKnownAsync(_encryption.KeyEncryptionKeys, cancellationToken).ConfigureAwait(false);
                    KeyRing = new DataKeyRing(_provider, _encryption.KeyEncryptionKeys, Clock);
                    var currentForm = await _encryption.CurrentFormAsync(cancellationToken).ConfigureAwait(false);
                    var registered = await Guard(() => BlindIndexFormRegistry.RegisterAsync(_provider, currentForm, Clock, cancellationToken), "registering the blind-index form").ConfigureAwait(false);
                    var blindIndexer = await _encryption.CreateIndexerAsync(registered, cancellationToken).ConfigureAwait(false);
                    Protector = FieldProtector.ForReading(_encryption.EncryptedFields, KeyRing, blindIndexer, _encryption.LegacyRecords);
                }

                LogSchemaReady(_logger, Schema.Collections.Count);
                _schemaReady = true;

                // The schema is in place: the data upgrades of stored values (online, resumable) start from here.
                await Guard(() => DataUpgrades.InitializeAsync(cancellationToken), "reading the data upgrade checkpoints").ConfigureAwait(false);
            }
        }
        finally
        {
            _schemaGate.Release();
        }
    }

    public async Task<T?> FindAsync<T>(IDocumentMapping<T> mapping, Guid id, CancellationToken cancellationToken)
        where T : class
    {
        await EnsureReadyAsync(cancellationToken).ConfigureAwait(false);
        var document = await Guard(() => _provider.GetAsync(mapping.Collection.Name, id, cancellationToken), $"reading {mapping.EntityName}").ConfigureAwait(false);
        if (document is null)
        {
            return null;
        }

        return await DeserializeAsync(mapping, document, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The stored document of <paramref name="id"/> as it is, or <see langword="null"/>; a provider failure becomes a <see cref="CrmStorageException"/>.</summary>
    public async Task<StoredDocument?> GetDocumentAsync(string collection, Guid id, CancellationToken cancellationToken)
    {
        await EnsureReadyAsync(cancellationToken).ConfigureAwait(false);
        return await Guard(() => _provider.GetAsync(collection, id, cancellationToken), $"reading '{collection}'").ConfigureAwait(false);
    }

    /// <summary>
    /// The owners of the stored customers among <paramref name="ids"/> (one query per chunk of ids; a customer not stored
    /// is left out), each authenticated by its seal but not restored (<see cref="CustomerMapping.ReadOwner"/>): for the
    /// access checks of records that follow their customer's owner.
    /// </summary>
    public async Task<Dictionary<Guid, string?>> CustomerOwnersAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        await EnsureReadyAsync(cancellationToken).ConfigureAwait(false);
        var documents = await Guard(() => _provider.GetManyAsync(CustomerMapping.CollectionName, ids, cancellationToken).ToListAsync(cancellationToken).AsTask(), "reading customers' owners").ConfigureAwait(false);
        await LoadKeysAsync(documents, cancellationToken).ConfigureAwait(false);
        var owners = new Dictionary<Guid, string?>(documents.Count);
        foreach (var document in documents)
        {
            owners[document.Id] = CustomerMapping.ReadOwner(document, Protector);
        }

        return owners;
    }

    /// <summary>
    /// Records that records of personal data were handed to the caller unmasked (<see cref="Security.Disclosure"/>): only
    /// when the audit trail is added and access control is on (hosts without either pay one null check), one entry listing
    /// the ids. The store's own reads record nothing: they serve access checks and read-modify-write inside the SDK.
    /// </summary>
    public Task RecordReadAsync(Security.CrmResource resource, IReadOnlyList<Guid> ids, CancellationToken cancellationToken) =>
        Audit is { RecordsReads: true } audit && ids.Count > 0
            ? Guard(() => audit.RecordReadAsync(resource, ids, cancellationToken), "recording a read in the audit trail")
            : Task.CompletedTask;

    public async Task<T> GetAsync<T>(IDocumentMapping<T> mapping, Guid id, CancellationToken cancellationToken)
        where T : class =>
        await FindAsync(mapping, id, cancellationToken).ConfigureAwait(false)
        ?? throw new EntityNotFoundException(mapping.EntityName, id.ToString());

    /// <summary>Streams the aggregates a query finds, as stored: neither masked nor audited (see <see cref="Security.Disclosure"/>).</summary>
    public async IAsyncEnumerable<T> QueryAsync<T>(IDocumentMapping<T> mapping, DocumentQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
        where T : class
    {
        await EnsureReadyAsync(cancellationToken).ConfigureAwait(false);

        // Read ahead a small, fixed number of documents so their data keys are looked up once per chunk, not per
        // document: memory stays flat however long the stream is.
        await foreach (var chunk in _provider.QueryAsync(query, cancellationToken).Chunk(StreamChunkSize).WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            await LoadKeysAsync(chunk, cancellationToken).ConfigureAwait(false);
            foreach (var document in chunk)
            {
                if (Open(mapping, document, query.Filter) is { } item)
                {
                    yield return item;
                }
            }
        }
    }

    /// <summary>Opens a document: loads the data keys its envelopes name, then restores the aggregate.</summary>
    public async Task<T> DeserializeAsync<T>(IDocumentMapping<T> mapping, StoredDocument document, CancellationToken cancellationToken)
        where T : class
    {
        await LoadKeysAsync([document], cancellationToken).ConfigureAwait(false);
        return mapping.Deserialize(document, Protector);
    }

    public async IAsyncEnumerable<StoredDocument> QueryDocumentsAsync(DocumentQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await EnsureReadyAsync(cancellationToken).ConfigureAwait(false);
        await foreach (var document in _provider.QueryAsync(query, cancellationToken).ConfigureAwait(false))
        {
            yield return document;
        }
    }

    public async Task<Page<T>> PageAsync<T>(IDocumentMapping<T> mapping, string listName, DocumentQuery query, PageRequest page, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(page);
        page.Validate();
        await EnsureReadyAsync(cancellationToken).ConfigureAwait(false);
        var scope = ContinuationToken.Scope(listName, query);
        var after = page.ContinuationToken is null
            ? null
            : ContinuationToken.Decode(await TokenKeyAsync(cancellationToken).ConfigureAwait(false), scope, page.ContinuationToken);
        var documents = new List<StoredDocument>(Math.Min(page.PageSize, 256));
        StoredDocument? last = null;
        var more = false;
        try
        {
            await foreach (var document in _provider.QueryAsync(query with { After = after, Limit = page.PageSize + 1 }, cancellationToken).ConfigureAwait(false))
            {
                if (documents.Count == page.PageSize)
                {
                    more = true;
                    break;
                }

                documents.Add(document);
                last = document;
            }
        }
        catch (Exception ex) when (IsUnexpected(ex))
        {
            throw Wrap(ex, $"reading a page of {mapping.EntityName}");
        }

        await LoadKeysAsync(documents, cancellationToken).ConfigureAwait(false);
        var items = new List<T>(documents.Count);
        foreach (var document in documents)
        {
            if (Open(mapping, document, query.Filter) is { } item)
            {
                items.Add(item);
            }
        }

        var token = more && last is not null
            ? ContinuationToken.Encode(await TokenKeyAsync(cancellationToken).ConfigureAwait(false), scope, new KeysetPosition(last.SortValue ?? last.Id, last.Id))
            : null;
        return new Page<T>(items, token);
    }

    /// <summary>
    /// Opens a document found by a query. With field encryption on, the record must hold the values of the bound indexes it
    /// was found through (its customer, owner, links: <see cref="RecordClaims"/>, authenticated by its seal), else its row's
    /// index was changed. A record that fails either check is refused, or left out when the host chose
    /// <see cref="UnreadableRecordHandling.Skip"/>: then <see langword="null"/>, after logging and counting it.
    /// </summary>
    private T? Open<T>(IDocumentMapping<T> mapping, StoredDocument document, IndexFilter? filter)
        where T : class
    {
        try
        {
            var item = mapping.Deserialize(document, Protector);
            if (Protector.HasEncryptedFields(mapping.Collection.Name) && MismatchedClaim(mapping, item, filter) is { } index)
            {
                throw new CryptographicIntegrityException(
                    CryptographicIntegrityFailure.IndexMismatch,
                    $"The {mapping.Collection.Name} record {document.Id} was found through its '{index}' index, but its authenticated content holds another value: the row's index was changed in the database. No plaintext was returned.")
                {
                    Collection = mapping.Collection.Name,
                    RecordId = document.Id,
                    Field = index,
                };
            }

            return item;
        }
        catch (CryptographicIntegrityException ex) when (_encryption?.UnreadableRecords == UnreadableRecordHandling.Skip)
        {
            LogUnreadableRecordSkipped(_logger, mapping.Collection.Name, document.Id, ex.Failure, ex);
            CrmDiagnostics.UnreadableRecords.Add(1, new KeyValuePair<string, object?>("collection", mapping.Collection.Name), new KeyValuePair<string, object?>("failure", ex.Failure.ToString()));
            _encryption.UnreadableRecordSkipped?.Invoke(ex);
            return null;
        }
    }

    // The first equality condition on a bound index that the aggregate does not satisfy, or null.
    private static string? MismatchedClaim<T>(IDocumentMapping<T> mapping, T item, IndexFilter? filter)
        where T : class => filter switch
        {
            EqualFilter equal when mapping.TryGetClaim(item, equal.Index, out var value) && !Equals(value, equal.Value) => equal.Index,
            AnyOfFilter anyOf when mapping.TryGetClaim(item, anyOf.Index, out var value) && !anyOf.Values.Any(v => Equals(value, v)) => anyOf.Index,
            AndFilter and => and.Filters.Select(f => MismatchedClaim(mapping, item, f)).FirstOrDefault(i => i is not null),
            _ => null,
        };

    /// <summary>
    /// The database's continuation token key (<see cref="StoreKeyMapping"/>), read (or created) at the first page that
    /// needs it and kept for the life of this store. Concurrent first calls may each read it; they read the same key.
    /// </summary>
    private async ValueTask<byte[]> TokenKeyAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _tokenKey) is { } known)
        {
            return known;
        }

        var key = await Guard(
            () => StoreKeyMapping.GetOrCreateAsync(_provider, StoreKeyMapping.ContinuationTokens, Clock, cancellationToken),
            "reading the continuation token key").ConfigureAwait(false);
        return Interlocked.CompareExchange(ref _tokenKey, key, null) ?? key;
    }

    public async Task<long> CountAsync(string collection, IndexFilter? filter, CancellationToken cancellationToken)
    {
        await EnsureReadyAsync(cancellationToken).ConfigureAwait(false);
        return await Guard(() => _provider.CountAsync(collection, filter, cancellationToken), $"counting {collection}").ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<AggregateResult>> AggregateAsync(AggregateQuery query, CancellationToken cancellationToken)
    {
        await EnsureReadyAsync(cancellationToken).ConfigureAwait(false);
        return AggregateResult.From(query, await Guard(() => _provider.AggregateAsync(query, cancellationToken), $"aggregating {query.Collection}").ConfigureAwait(false));
    }

    public async Task CommitAsync(IReadOnlyList<DocumentWrite> writes, CancellationToken cancellationToken)
    {
        await EnsureReadyAsync(cancellationToken).ConfigureAwait(false);
        await Guard(async () => { await _provider.CommitAsync(writes, cancellationToken).ConfigureAwait(false); return true; }, "committing changes").ConfigureAwait(false);
    }

    /// <summary>
    /// Refuses to start when stored data keys are wrapped by a root key (key-encryption key) the key provider does not
    /// have: reads would fail and lookups by email or phone would silently find nothing. Asks the provider once per
    /// distinct key id stored (a handful), never once per data key.
    /// </summary>
    private async Task EnsureRootKeysKnownAsync(IKeyEncryptionKeyProvider keys, CancellationToken cancellationToken)
    {
        var byRootKey = new AggregateQuery(DataKeyMapping.CollectionName, null, [DataKeyMapping.RootKeyIdIndex], [new AggregateFunction(AggregateKind.Count)]);
        var rows = AggregateResult.From(byRootKey, await Guard(() => _provider.AggregateAsync(byRootKey, cancellationToken), "reading the data keys").ConfigureAwait(false));
        var missing = new List<string>();
        foreach (var id in rows.Select(r => r.Text(DataKeyMapping.RootKeyIdIndex)).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            if (await keys.GetKeyAsync(id, cancellationToken).ConfigureAwait(false) is null)
            {
                missing.Add(id);
            }
        }

        if (missing.Count > 0)
        {
            throw new CrmConfigurationException(
                $"The database holds data keys wrapped by root key(s) {string.Join(", ", missing.Select(m => $"'{m}'"))}, which the key-encryption key provider does not have. " +
                "Restore those root keys (keep an old root key until IEncryptionMaintenance.RewrapDataKeysAsync has moved every data key to the current one).");
        }
    }

    /// <summary>
    /// Asks the provider to scrub deleted content from its files, when it can (<see cref="ISecureErasure"/>). Runs after a
    /// change has committed, so it never observes cancellation and never throws: the caller's change succeeded, and an
    /// incomplete purge is logged and completed by a later erasure or checkpoint.
    /// </summary>
    public async Task PurgeDeletedContentAfterCommitAsync()
    {
        if (_provider is not ISecureErasure erasure)
        {
            return;
        }

        try
        {
            if (await erasure.PurgeDeletedContentAsync(CancellationToken.None).ConfigureAwait(false))
            {
                return;
            }
        }
#pragma warning disable CA1031 // The change committed: a failed clean-up must not turn its success into an error.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogPurgeFailed(_logger, ex);
            return;
        }

        LogPurgeIncomplete(_logger);
    }

    private async Task LoadKeysAsync(IReadOnlyList<StoredDocument> documents, CancellationToken cancellationToken)
    {
        if (KeyRing is null)
        {
            return;
        }

        var keyIds = new HashSet<Guid>();
        foreach (var document in documents)
        {
            EnvelopeScanner.CollectKeyIds(document.Body, keyIds);
        }

        if (keyIds.Count > 0)
        {
            await Guard(() => KeyRing.EnsureLoadedAsync(keyIds, cancellationToken), "reading data keys").ConfigureAwait(false);
        }
    }

    public void Dispose()
    {
        Audit?.Dispose();
        DataUpgrades.Dispose();
        KeyRing?.Dispose();
        if (Interlocked.Exchange(ref _tokenKey, null) is { } tokenKey)
        {
            CryptographicOperations.ZeroMemory(tokenKey);
        }

        _schemaGate.Dispose();
        (_provider as IDisposable)?.Dispose();
    }

    private static Task<TResult> Guard<TResult>(Func<Task<TResult>> action, string what) => ProviderCalls.GuardAsync(action, Failed, what);

    private static Task Guard(Func<Task> action, string what) => ProviderCalls.GuardAsync(action, Failed, what);

    private static bool IsUnexpected(Exception ex) => ProviderCalls.IsUnexpected(ex);

    private static CrmStorageException Wrap(Exception ex, string what) => ProviderCalls.Wrap(ex, Failed, what);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Erased content could not be scrubbed from the database files yet (a reader holds an older snapshot); it will be on a later erasure or checkpoint.")]
    private static partial void LogPurgeIncomplete(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Erased content could not be scrubbed from the database files after a committed change; it will be on a later erasure or checkpoint.")]
    private static partial void LogPurgeFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Crm.Sdk left {Collection} record {RecordId} out of a list: it failed its integrity check ({Failure}).")]
    private static partial void LogUnreadableRecordSkipped(ILogger logger, string collection, Guid recordId, CryptographicIntegrityFailure failure, Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Crm.Sdk storage schema ready ({CollectionCount} collections).")]
    private static partial void LogSchemaReady(ILogger logger, int collectionCount);
}
