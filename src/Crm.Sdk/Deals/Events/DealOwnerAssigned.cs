using Crm.Sdk.Domain;

namespace Crm.Sdk.Deals.Events;

/// <summary>A deal was assigned to an owner, or unassigned.</summary>
/// <param name="DealId">The deal.</param>
/// <param name="OwnerId">The new owner, or <see langword="null"/> when unassigned.</param>
public sealed record DealOwnerAssigned(DealId DealId, string? OwnerId) : DomainEvent;
