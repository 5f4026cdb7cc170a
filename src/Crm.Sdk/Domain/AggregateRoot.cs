namespace Crm.Sdk.Domain;

/// <summary>
/// The base of the four aggregates (customer, interaction, pipeline and deal, ticket): an id, a version for
/// optimistic concurrency, and the domain events recorded since the aggregate was last saved.
/// </summary>
/// <typeparam name="TId">The strongly typed id.</typeparam>
public abstract class AggregateRoot<TId> : IAggregateRoot
    where TId : struct
{
    private readonly List<DomainEvent> _domainEvents = [];

    /// <summary>Creates the aggregate with its id.</summary>
    /// <param name="id">The id.</param>
    protected AggregateRoot(TId id)
    {
        Id = id;
    }

    /// <summary>The id.</summary>
    public TId Id { get; }

    /// <summary>
    /// The stored version: 0 before the first save, 1 after it, one more after each update.
    /// An update of a stale copy fails with <see cref="ConcurrencyConflictException"/>.
    /// </summary>
    public long Version { get; internal set; }

    /// <summary>The events recorded since the aggregate was loaded or last saved; saved with the change.</summary>
    public IReadOnlyList<DomainEvent> DomainEvents => _domainEvents;

    /// <summary>Records a domain event.</summary>
    /// <param name="domainEvent">The event.</param>
    protected void Raise(DomainEvent domainEvent)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        _domainEvents.Add(domainEvent);
    }

    /// <summary>Forgets the recorded events (after they were saved).</summary>
    internal void ClearDomainEvents() => _domainEvents.Clear();

    void IAggregateRoot.ClearDomainEvents() => ClearDomainEvents();
}
