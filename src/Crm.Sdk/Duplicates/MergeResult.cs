using Crm.Sdk.Customers;

namespace Crm.Sdk.Duplicates;

/// <summary>What a merge did; keep <see cref="MergeId"/> to undo it with <see cref="IDuplicateService.UnmergeAsync"/>.</summary>
/// <param name="MergeId">The merge's id, which names its journal.</param>
/// <param name="Survivor">The survivor as saved after the merge.</param>
/// <param name="DuplicateId">The customer merged away (deleted; its journal keeps it until the merge is undone).</param>
/// <param name="Interactions">Interactions re-pointed to the survivor.</param>
/// <param name="Deals">Deals re-pointed to the survivor.</param>
/// <param name="Tickets">Tickets re-pointed to the survivor.</param>
public sealed record MergeResult(Guid MergeId, Customer Survivor, CustomerId DuplicateId, int Interactions, int Deals, int Tickets);
