using Crm.Sdk.Domain;

namespace Crm.Sdk.Customers.Events;

/// <summary>
/// A merge into this customer was undone: the survivor has the fields it had before, and the duplicate is back under its
/// own id with its interactions, deals and tickets.
/// </summary>
/// <param name="CustomerId">The survivor of the merge.</param>
/// <param name="DuplicateId">The customer restored.</param>
/// <param name="MergeId">The merge undone.</param>
public sealed record CustomerUnmerged(CustomerId CustomerId, CustomerId DuplicateId, Guid MergeId) : DomainEvent;
