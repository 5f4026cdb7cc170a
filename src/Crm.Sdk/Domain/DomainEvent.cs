using NodaTime;

namespace Crm.Sdk;

/// <summary>
/// Something that happened to an aggregate, recorded by it and saved in the same transaction as the change
/// (an outbox the host can read to drive follow-ups in its ERP or OA).
/// </summary>
/// <param name="OccurredAt">When it happened.</param>
public abstract record DomainEvent(Instant OccurredAt);
