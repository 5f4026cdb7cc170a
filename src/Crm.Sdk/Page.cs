namespace Crm.Sdk;

/// <summary>One page of a keyset-paged list.</summary>
/// <typeparam name="T">The item type.</typeparam>
/// <param name="Items">The items of this page, in the list's order.</param>
/// <param name="ContinuationToken">
/// An opaque token that fetches the next page, or <see langword="null"/> when this is the last page.
/// Pass it back unchanged in <see cref="PageRequest.ContinuationToken"/>; it stays valid while records are added.
/// The token is authenticated (HMAC-SHA256 under a random key the SDK keeps in the database), so it is safe to hand to
/// a browser: every CRM instance over the same database accepts it, and any token altered, cut short, forged, or
/// issued by another list or another database is refused with <see cref="CrmValidationException"/> (rule
/// <c>continuation-token-invalid</c>). It is not encrypted: it carries the last item's id and sort value.
/// </param>
public sealed record Page<T>(IReadOnlyList<T> Items, string? ContinuationToken)
{
    /// <summary>Whether another page follows.</summary>
    public bool HasMore => ContinuationToken is not null;
}
