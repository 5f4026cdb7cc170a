using Crm.Sdk.Domain;

namespace Crm.Sdk.Deals.Events;

/// <summary>
/// A deal was renamed. The name itself is not in the event: hosts may encrypt deal names
/// (<see cref="Encryption.EncryptableField.Names.DealName"/>), and the event log is stored in clear.
/// </summary>
/// <param name="DealId">The deal.</param>
public sealed record DealRenamed(DealId DealId) : DomainEvent;
