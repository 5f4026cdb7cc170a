using Crm.Sdk.Domain;
using Crm.Sdk.Encryption;
using Crm.Sdk.ProviderKit;
using NodaTime;

namespace Crm.Sdk.Storage;

/// <summary>
/// The base of every aggregate's mapping: owns the id and version plumbing and attaches the SDK's clock to each
/// aggregate it restores, so that a loaded aggregate's state changes are stamped by the injected <see cref="IClock"/>.
/// A mapping declares its collection (indexes) once, as a static <c>Definition</c>, and the field names it stores.
/// </summary>
/// <typeparam name="T">The aggregate type.</typeparam>
internal abstract class AggregateMapping<T>(CollectionDefinition collection, IClock? clock) : IDocumentMapping<T>
    where T : AggregateRoot<T>
{
    private readonly IClock _clock = clock ?? SystemClock.Instance;

    public CollectionDefinition Collection => collection;

    public string EntityName { get; } = typeof(T).Name;

    public Guid GetId(T aggregate)
    {
        ArgumentNullException.ThrowIfNull(aggregate);
        return aggregate.Id.Value;
    }

    /// <summary>The customer whose data key protects this aggregate's encrypted fields, or <see langword="null"/>.</summary>
    public virtual Guid? GetOwnerId(T aggregate) => null;

    public long GetVersion(T aggregate)
    {
        ArgumentNullException.ThrowIfNull(aggregate);
        return aggregate.Version;
    }

    public void SetVersion(T aggregate, long version)
    {
        ArgumentNullException.ThrowIfNull(aggregate);
        aggregate.Version = version;
    }

    public abstract string Serialize(T aggregate, FieldProtector protector);

    public T Deserialize(StoredDocument document, FieldProtector protector) => Attach(Restore(document, protector));

    public abstract IndexValues GetIndexValues(T aggregate, FieldProtector protector);

    public virtual bool TryGetClaim(T aggregate, string index, out object? value)
    {
        value = null;
        return false;
    }

    /// <summary>Gives a new or restored aggregate what its state changes need (the clock, and any policy).</summary>
    /// <param name="aggregate">The aggregate.</param>
    /// <returns>The same aggregate.</returns>
    public virtual T Attach(T aggregate)
    {
        ArgumentNullException.ThrowIfNull(aggregate);
        aggregate.Clock = _clock;
        return aggregate;
    }

    /// <summary>Restores the aggregate from its stored document.</summary>
    /// <param name="document">The stored document.</param>
    /// <param name="protector">Opens encrypted fields.</param>
    /// <returns>The aggregate.</returns>
    protected abstract T Restore(StoredDocument document, FieldProtector protector);
}
