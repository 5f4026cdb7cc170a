using System.Collections.Concurrent;
using Crm.Sdk.ProviderKit;
using Crm.Sdk.Storage;
using NodaTime;
using NodaTime.Testing;
using Xunit;

namespace Crm.Sdk.Tests.Storage;

/// <summary>The database's own keys: generated once, stored, and agreed on by every process that races to create them.</summary>
public sealed class StoreKeyMappingTests
{
    private static readonly IClock Clock = new FakeClock(Instant.FromUtc(2025, 3, 3, 9, 0));

    [Fact]
    public async Task A_key_is_created_once_then_read_back()
    {
        var store = new KeyStore();

        var created = await StoreKeyMapping.GetOrCreateAsync(store, StoreKeyMapping.ContinuationTokens, Clock, CancellationToken.None);
        var read = await StoreKeyMapping.GetOrCreateAsync(store, StoreKeyMapping.ContinuationTokens, Clock, CancellationToken.None);

        Assert.Equal(StoreKeyMapping.KeySize, created.Length);
        Assert.Equal(created, read);
        Assert.Equal(1, store.Inserts);
        var document = Assert.Single(store.Documents.Values);
        Assert.Contains("\"purpose\":\"continuation-tokens\"", document.Body, StringComparison.Ordinal);
    }

    /// <summary>Two processes that both find no key and both insert one: the second insert fails, and it reads the first one's key.</summary>
    [Fact]
    public async Task Racing_creators_end_up_with_the_one_key_that_was_committed()
    {
        var store = new KeyStore { ReadersToHold = 2 };

        var keys = await Task.WhenAll(
            Task.Run(() => StoreKeyMapping.GetOrCreateAsync(store, StoreKeyMapping.ContinuationTokens, Clock, CancellationToken.None)),
            Task.Run(() => StoreKeyMapping.GetOrCreateAsync(store, StoreKeyMapping.ContinuationTokens, Clock, CancellationToken.None)));

        Assert.Equal(keys[0], keys[1]);
        Assert.Equal(2, store.Inserts);
        Assert.Equal(1, store.Duplicates);
        Assert.Equal(keys[0], await StoreKeyMapping.GetOrCreateAsync(store, StoreKeyMapping.ContinuationTokens, Clock, CancellationToken.None));
    }

    [Theory]
    [InlineData("""{"purpose":"continuation-tokens","key":"AAAA","createdAt":"2025-03-03T09:00:00Z"}""")]
    [InlineData("""{"purpose":"other","key":"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA","createdAt":"2025-03-03T09:00:00Z"}""")]
    [InlineData("""{"purpose":"continuation-tokens","key":"not base64!","createdAt":"2025-03-03T09:00:00Z"}""")]
    public async Task A_stored_key_that_is_not_a_key_is_a_storage_error(string body)
    {
        var store = new KeyStore();
        var id = FixedDocumentId.Of(StoreKeyMapping.ContinuationTokens);
        store.Documents[id] = new StoredDocument(id, 1, body);

        await Assert.ThrowsAsync<CrmStorageException>(() => StoreKeyMapping.GetOrCreateAsync(store, StoreKeyMapping.ContinuationTokens, Clock, CancellationToken.None));
    }

    /// <summary>Just enough of a store for keys: get and insert, with an optional hold that makes racing readers all see no key.</summary>
    private sealed class KeyStore : IDocumentStore
    {
        private readonly Lock _lock = new();
        private int _held;

        public ConcurrentDictionary<Guid, StoredDocument> Documents { get; } = new();

        public int ReadersToHold { get; init; }

        public int Inserts { get; private set; }

        public int Duplicates { get; private set; }

        private TaskCompletionSource AllRead { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task<StoredDocument?> GetAsync(string collection, Guid id, CancellationToken cancellationToken)
        {
            Assert.Equal(StoreKeyMapping.CollectionName, collection);
            var found = Documents.GetValueOrDefault(id);
            if (found is null && Interlocked.Increment(ref _held) <= ReadersToHold)
            {
                if (Volatile.Read(ref _held) >= ReadersToHold)
                {
                    AllRead.TrySetResult();
                }

                await AllRead.Task.WaitAsync(TimeSpan.FromSeconds(10), cancellationToken);
            }

            return found;
        }

        public Task CommitAsync(IReadOnlyList<DocumentWrite> writes, CancellationToken cancellationToken)
        {
            var write = Assert.Single(writes);
            Assert.True(write.IsInsert);
            lock (_lock)
            {
                Inserts++;
                if (!Documents.TryAdd(write.Id, new StoredDocument(write.Id, 1, write.Body!)))
                {
                    Duplicates++;
                    throw new DuplicateKeyException(write.Collection, "id", write.Id.ToString());
                }
            }

            return Task.CompletedTask;
        }

        public Task EnsureSchemaAsync(StoreSchema schema, CancellationToken cancellationToken) => throw new NotSupportedException();

        public IAsyncEnumerable<StoredDocument> GetManyAsync(string collection, IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken) => throw new NotSupportedException();

        public IAsyncEnumerable<StoredDocument> QueryAsync(DocumentQuery query, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<long> CountAsync(string collection, IndexFilter? filter, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyList<AggregateRow>> AggregateAsync(AggregateQuery query, CancellationToken cancellationToken) => throw new NotSupportedException();

        public IAsyncEnumerable<ExportedDocument> ExportAsync(string collection, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
