namespace Crm.Sdk;

/// <summary>One page of a keyset-paged list.</summary>
/// <typeparam name="T">The item type.</typeparam>
/// <param name="Items">The items of this page, in the list's order.</param>
/// <param name="ContinuationToken">
/// An opaque token that fetches the next page, or <see langword="null"/> when this is the last page.
/// Pass it back unchanged; it stays valid while records are added.
/// </param>
public sealed record Page<T>(IReadOnlyList<T> Items, string? ContinuationToken)
{
    /// <summary>Whether another page follows.</summary>
    public bool HasMore => ContinuationToken is not null;
}
