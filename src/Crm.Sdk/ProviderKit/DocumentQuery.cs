namespace Crm.Sdk.ProviderKit;

/// <summary>
/// Reads documents of one collection that match a filter, ordered by one index and then by id, from a keyset position.
/// </summary>
public sealed record DocumentQuery
{
    /// <summary>Creates a query over a collection.</summary>
    /// <param name="collection">The collection name.</param>
    public DocumentQuery(string collection)
    {
        ArgumentException.ThrowIfNullOrEmpty(collection);
        Collection = collection;
    }

    /// <summary>The collection name.</summary>
    public string Collection { get; }

    /// <summary>The condition, or <see langword="null"/> for every document.</summary>
    public IndexFilter? Filter { get; init; }

    /// <summary>
    /// The single-valued, non-null index to order by, or <see langword="null"/> to order by id alone.
    /// Ties are broken by id, in the same direction.
    /// </summary>
    public string? OrderBy { get; init; }

    /// <summary>Whether to order from the largest value down.</summary>
    public bool Descending { get; init; }

    /// <summary>Return only documents strictly after this position in the query's order.</summary>
    public KeysetPosition? After { get; init; }

    /// <summary>The most documents to return, or <see langword="null"/> for all (streamed).</summary>
    public int? Limit { get; init; }
}
