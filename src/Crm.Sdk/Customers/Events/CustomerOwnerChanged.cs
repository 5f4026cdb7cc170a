using Crm.Sdk.Domain;

namespace Crm.Sdk.Customers.Events;

/// <summary>The customer was assigned to another owner, or unassigned.</summary>
/// <param name="CustomerId">The customer.</param>
/// <param name="PreviousOwnerId">The previous owner, or <see langword="null"/>.</param>
/// <param name="OwnerId">The new owner, or <see langword="null"/> when unassigned.</param>
public sealed record CustomerOwnerChanged(CustomerId CustomerId, string? PreviousOwnerId, string? OwnerId) : DomainEvent;
