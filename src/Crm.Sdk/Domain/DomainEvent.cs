namespace Crm.Sdk.Domain;

/// <summary>
/// Something that happened to an aggregate, recorded by it and saved in the same transaction as the change
/// (an outbox the host can read to drive follow-ups in its ERP or OA). The time it was saved is stamped by the
/// SDK when the change commits; events carry only what happened.
/// </summary>
public abstract record DomainEvent;
