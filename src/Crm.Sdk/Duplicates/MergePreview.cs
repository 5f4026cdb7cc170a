using Crm.Sdk.Customers;

namespace Crm.Sdk.Duplicates;

/// <summary>What a merge would do, from <see cref="IDuplicateService.PreviewMergeAsync"/>; nothing was written.</summary>
/// <param name="Survivor">The survivor as the merge would save it (its fields chosen by the survivorship rules).</param>
/// <param name="DuplicateId">The customer the merge would delete.</param>
/// <param name="Interactions">Interactions the merge would re-point to the survivor.</param>
/// <param name="Deals">Deals the merge would re-point to the survivor.</param>
/// <param name="Tickets">Tickets the merge would re-point to the survivor.</param>
public sealed record MergePreview(Customer Survivor, CustomerId DuplicateId, long Interactions, long Deals, long Tickets);
