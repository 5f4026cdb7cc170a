using Crm.Sdk.ProviderKit;
using Crm.Sdk.Storage;

namespace Crm.Sdk.Tests.Registration;

/// <summary>A store that only lets the CRM be resolved: registration tests never reach storage, and any call fails loudly.</summary>
internal sealed class InertDocumentStore : IDocumentStore
{
    public Task EnsureSchemaAsync(StoreSchema schema, CancellationToken cancellationToken) => throw Unused();

    public Task<StoredDocument?> GetAsync(string collection, Guid id, CancellationToken cancellationToken) => throw Unused();

    public IAsyncEnumerable<StoredDocument> GetManyAsync(string collection, IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken) => throw Unused();

    public IAsyncEnumerable<StoredDocument> QueryAsync(DocumentQuery query, CancellationToken cancellationToken) => throw Unused();

    public Task<long> CountAsync(string collection, IndexFilter? filter, CancellationToken cancellationToken) => throw Unused();

    public Task<IReadOnlyList<AggregateRow>> AggregateAsync(AggregateQuery query, CancellationToken cancellationToken) => throw Unused();

    public Task CommitAsync(IReadOnlyList<DocumentWrite> writes, CancellationToken cancellationToken) => throw Unused();

    public IAsyncEnumerable<ExportedDocument> ExportAsync(string collection, CancellationToken cancellationToken) => throw Unused();

    private static NotSupportedException Unused() => new("Registration tests do not use storage.");
}
