using NodaTime;

namespace Crm.Sdk.Domain;

/// <summary>
/// The base of every aggregate (customer, interaction, pipeline, deal, ticket): an id, a version for optimistic
/// concurrency, and the domain events recorded since the aggregate was last saved. Only the SDK derives from it.
/// </summary>
/// <typeparam name="T">The aggregate type itself (as in <c>Customer : AggregateRoot&lt;Customer&gt;</c>); its id is an <see cref="Id{T}"/>.</typeparam>
public abstract class AggregateRoot<T> : IAggregateRoot
    where T : AggregateRoot<T>
{
    private readonly List<DomainEvent> _domainEvents = [];

    /// <summary>Creates the aggregate with its id.</summary>
    /// <param name="id">The id.</param>
    private protected AggregateRoot(Id<T> id)
    {
        Id = id;
    }

    /// <summary>The id.</summary>
    public Id<T> Id { get; }

    /// <summary>
    /// The stored version: 0 before the first save, 1 after it, one more after each update.
    /// An update of a stale copy fails with <see cref="ConcurrencyConflictException"/>.
    /// </summary>
    public long Version { get; internal set; }

    /// <summary>The events recorded since the aggregate was loaded or last saved; saved with the change.</summary>
    public IReadOnlyList<DomainEvent> DomainEvents => _domainEvents;

    /// <summary>
    /// Where state changes read the time: the <see cref="IClock"/> registered with the SDK, attached by the service that
    /// created or loaded this aggregate, so that every change is stamped the same way and a host's test clock governs it.
    /// </summary>
    internal IClock Clock { get; set; } = SystemClock.Instance;

    /// <summary>
    /// Whether this is a copy with its personal data masked (<see cref="Security.Disclosure"/>): the SDK refuses to save it
    /// (<see cref="Security.MaskedDataException"/>), so masks never overwrite the real values.
    /// </summary>
    internal bool IsMasked { get; set; }

    /// <summary>The current instant of <see cref="Clock"/>.</summary>
    /// <returns>The time a state change records.</returns>
    private protected Instant Now() => Clock.GetCurrentInstant();

    /// <summary>Records a domain event.</summary>
    /// <param name="domainEvent">The event.</param>
    private protected void Raise(DomainEvent domainEvent)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        _domainEvents.Add(domainEvent);
    }

    /// <summary>Forgets the recorded events (after they were saved).</summary>
    internal void ClearDomainEvents() => _domainEvents.Clear();

    void IAggregateRoot.ClearDomainEvents() => ClearDomainEvents();

    bool IAggregateRoot.IsMasked => IsMasked;
}
