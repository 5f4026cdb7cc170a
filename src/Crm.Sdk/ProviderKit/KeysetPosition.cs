namespace Crm.Sdk.ProviderKit;

/// <summary>Where the previous page of a keyset-paged query stopped: the last document's sort value and id.</summary>
/// <param name="SortValue">The last document's value of the order index (its id when ordering by id).</param>
/// <param name="Id">The last document's id, the tie-breaker.</param>
public sealed record KeysetPosition(object SortValue, Guid Id);
