using Crm.Sdk.Domain;

namespace Crm.Sdk.Customers.Events;

/// <summary>
/// A duplicate customer was merged into this one (the survivor): the duplicate's interactions, deals and tickets now
/// belong to the survivor, and the duplicate was deleted. Undone by <see cref="CustomerUnmerged"/>.
/// </summary>
/// <param name="CustomerId">The survivor.</param>
/// <param name="DuplicateId">The customer merged into it (deleted).</param>
/// <param name="MergeId">The merge, which <c>IDuplicateService.UnmergeAsync</c> takes.</param>
public sealed record CustomerMerged(CustomerId CustomerId, CustomerId DuplicateId, Guid MergeId) : DomainEvent;
