using System.Collections.Concurrent;
using Crm.Sdk.ProviderKit;
using NodaTime;

namespace Crm.Sdk.Encryption;

/// <summary>
/// Finds, creates and caches the customers' data keys. A key is created (and its wrapped form written in the same
/// transaction) the first time personal data of a customer is written; it is read back by id when an envelope names it.
/// Unwrapped keys live only in this process's memory, in a bounded cache.
/// </summary>
internal sealed class DataKeyRing : IDisposable
{
    private const int MaxCachedKeys = 100_000;

    private readonly IDocumentStore _store;
    private readonly DataKeyWrapper _wrapper;
    private readonly IClock _clock;
    private readonly ConcurrentDictionary<Guid, DataKey> _byId = new();
    private readonly ConcurrentDictionary<Guid, Guid> _byCustomer = new();
    private readonly ConcurrentDictionary<Guid, byte> _erased = new();

    // Set before the first erased key is added and never reset (erased keys are never forgotten). A flag, because
    // ConcurrentDictionary.IsEmpty takes every lock of an empty dictionary, and it is asked once per encrypted value read.
    private volatile bool _hasErased;

    public DataKeyRing(IDocumentStore store, IKeyEncryptionKeyProvider keys, IClock clock)
    {
        _store = store;
        _wrapper = new DataKeyWrapper(keys);
        _clock = clock;
    }

    public DataKey? Find(Guid keyId) => _byId.GetValueOrDefault(keyId);

    public bool IsErased(Guid keyId) => _erased.ContainsKey(keyId);

    /// <summary>Whether any erased key was seen (so envelopes must be checked against erasure before decrypting).</summary>
    public bool HasErasedKeys => _hasErased;

    /// <summary>Loads the keys with these ids that are not cached yet (envelopes name their key).</summary>
    public async Task EnsureLoadedAsync(IReadOnlyCollection<Guid> keyIds, CancellationToken cancellationToken)
    {
        var missing = keyIds.Where(id => !_byId.ContainsKey(id) && !_erased.ContainsKey(id)).ToArray();
        if (missing.Length == 0)
        {
            return;
        }

        await foreach (var document in _store.GetManyAsync(DataKeyMapping.CollectionName, missing, cancellationToken).ConfigureAwait(false))
        {
            _ = await CacheAsync(document, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The data key of each customer, creating the missing ones: their wrapped forms are added to <paramref name="newKeys"/>
    /// for the caller to write in its transaction, and cached by <see cref="Remember"/> once it committed.
    /// </summary>
    /// <exception cref="DomainRuleException">A customer was erased (rule <c>customer-erased</c>): no personal data may be written for it.</exception>
    public async Task<Dictionary<Guid, DataKey>> PrepareWriteKeysAsync(
        IReadOnlyCollection<Guid> customerIds, List<(Guid CustomerId, DataKey Key, DocumentWrite Write)> newKeys, CancellationToken cancellationToken)
    {
        var result = new Dictionary<Guid, DataKey>(customerIds.Count);
        var toLoad = new List<Guid>();
        foreach (var customerId in customerIds)
        {
            if (_byCustomer.TryGetValue(customerId, out var keyId) && _byId.TryGetValue(keyId, out var key))
            {
                result[customerId] = key;
            }
            else
            {
                toLoad.Add(customerId);
            }
        }

        foreach (var chunk in toLoad.Chunk(500))
        {
            var query = new DocumentQuery(DataKeyMapping.CollectionName) { Filter = IndexFilter.AnyOf(DataKeyMapping.CustomerIdIndex, chunk.Cast<object>()) };
            var erased = new HashSet<Guid>();
            await foreach (var document in _store.QueryAsync(query, cancellationToken).ConfigureAwait(false))
            {
                var (customerId, key, retired) = await CacheAsync(document, cancellationToken).ConfigureAwait(false);
                if (key is null)
                {
                    erased.Add(customerId);
                }
                else if (!retired && (!result.TryGetValue(customerId, out var other) || other.Id.CompareTo(key.Id) < 0))
                {
                    // Normally one active key per customer; two first writers racing may each create one: the newest serves.
                    result[customerId] = key;
                    _byCustomer[customerId] = key.Id;
                }
            }

            if (erased.Count > 0)
            {
                throw new DomainRuleException("customer-erased", $"Customer '{erased.First()}' was erased; no personal data can be written for it.");
            }
        }

        var now = _clock.GetCurrentInstant();
        foreach (var customerId in toLoad.Where(id => !result.ContainsKey(id)))
        {
            var key = DataKey.Generate(now);
            var wrapped = await _wrapper.WrapAsync(key, customerId, now, cancellationToken).ConfigureAwait(false);
            newKeys.Add((customerId, key, DataKeyMapping.Insert(customerId, wrapped)));
            result[customerId] = key;
        }

        return result;
    }

    /// <summary>Caches a key created by <see cref="PrepareWriteKeysAsync"/> once its write committed, as the customer's active key.</summary>
    public void Remember(Guid customerId, DataKey key)
    {
        TrimCache();
        _byId[key.Id] = key;
        _byCustomer[customerId] = key.Id;
    }

    /// <summary>Creates a new data key for a customer (data re-encryption): the wrapped form to insert, and the key.</summary>
    public async Task<(DataKey Key, DocumentWrite Write)> CreateKeyAsync(Guid customerId, CancellationToken cancellationToken)
    {
        var now = _clock.GetCurrentInstant();
        var key = DataKey.Generate(now);
        var wrapped = await _wrapper.WrapAsync(key, customerId, now, cancellationToken).ConfigureAwait(false);
        return (key, DataKeyMapping.Insert(customerId, wrapped));
    }

    /// <summary>
    /// Re-wraps a stored data key under the current key-encryption key in the current format, or returns
    /// <see langword="null"/> when it needs nothing.
    /// </summary>
    public async Task<DocumentWrite?> RewrapAsync(StoredDocument document, string currentRootKeyId, CancellationToken cancellationToken)
    {
        var wrapped = DataKeyMapping.Read(document).ToWrapped(document.Id);
        if (wrapped is null || !DataKeyWrapper.NeedsRewrap(wrapped, currentRootKeyId))
        {
            return null;
        }

        var rewrapped = await _wrapper.RewrapAsync(wrapped, cancellationToken).ConfigureAwait(false);
        return DataKeyMapping.Rewrap(document, rewrapped);
    }

    /// <summary>Forgets a key after its customer was erased, and remembers that it was.</summary>
    public void MarkErased(Guid customerId, Guid keyId)
    {
        _hasErased = true;
        _erased[keyId] = 0;
        _byCustomer.TryRemove(customerId, out _);
        _byId.TryRemove(keyId, out _);
    }

    /// <summary>Forgets which key is a customer's active one (after data re-encryption gave it a new one).</summary>
    public void ForgetCustomer(Guid customerId) => _byCustomer.TryRemove(customerId, out _);

    /// <summary>Forgets every cached key (after a rotation changed wrapped forms, or to bound memory).</summary>
    public void Clear()
    {
        _byId.Clear();
        _byCustomer.Clear();
    }

    public void Dispose() => Clear();

    private async Task<(Guid CustomerId, DataKey? Key, bool Retired)> CacheAsync(StoredDocument document, CancellationToken cancellationToken)
    {
        var stored = DataKeyMapping.Read(document);
        var wrapped = stored.ToWrapped(document.Id);
        if (wrapped is null)
        {
            _hasErased = true;
            _erased[document.Id] = 0;
            return (stored.CustomerId, null, true);
        }

        var key = _byId.GetValueOrDefault(document.Id) ?? await _wrapper.UnwrapAsync(wrapped, cancellationToken).ConfigureAwait(false);
        TrimCache();
        _byId[key.Id] = key;
        return (stored.CustomerId, key, stored.Retired);
    }

    private void TrimCache()
    {
        if (_byId.Count >= MaxCachedKeys)
        {
            // Unwrapped keys are cheap to reload (one read and one unwrap); dropping them all keeps memory bounded simply.
            Clear();
        }
    }
}
