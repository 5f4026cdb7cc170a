using Crm.Sdk.Domain;

namespace Crm.Sdk.Storage;

/// <summary>What every aggregate service does the same way: read one aggregate by id, throwing or returning null.</summary>
/// <typeparam name="T">The aggregate type.</typeparam>
internal abstract class AggregateService<T>(CrmStore store, AggregateMapping<T> mapping)
    where T : AggregateRoot<T>
{
    protected CrmStore Store { get; } = store;

    public Task<T> GetAsync(Id<T> id, CancellationToken cancellationToken = default)
    {
        Id<T>.ThrowIfEmpty(id, nameof(id));
        return Store.GetAsync(mapping, id.Value, cancellationToken);
    }

    public Task<T?> FindAsync(Id<T> id, CancellationToken cancellationToken = default)
    {
        Id<T>.ThrowIfEmpty(id, nameof(id));
        return Store.FindAsync(mapping, id.Value, cancellationToken);
    }
}
