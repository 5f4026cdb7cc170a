namespace Crm.Sdk.Domain;

/// <summary>What the SDK's unit of work needs of any aggregate, whatever its id type.</summary>
internal interface IAggregateRoot
{
    IReadOnlyList<DomainEvent> DomainEvents { get; }

    /// <summary>Whether this is a masked copy, which is never written.</summary>
    bool IsMasked { get; }

    void ClearDomainEvents();
}
