namespace Crm.Sdk.ProviderKit;

/// <summary>
/// A condition on index values. Providers translate the five shapes (equal, any-of, range, prefix, and)
/// into their query language. On a multi-valued index a condition holds when any of the document's values meets it.
/// </summary>
public abstract record IndexFilter
{
    private protected IndexFilter()
    {
    }

    /// <summary>The index equals a value.</summary>
    /// <param name="index">The index name.</param>
    /// <param name="value">The value (same CLR type as the index).</param>
    /// <returns>The filter.</returns>
    public static IndexFilter Equal(string index, object value) => new EqualFilter(index, value);

    /// <summary>The index equals one of the values.</summary>
    /// <param name="index">The index name.</param>
    /// <param name="values">The values; at least one.</param>
    /// <returns>The filter.</returns>
    public static IndexFilter AnyOf(string index, IEnumerable<object> values) => new AnyOfFilter(index, values.ToArray());

    /// <summary>The index lies in [<paramref name="from"/>, <paramref name="to"/>): lower bound inclusive, upper exclusive; a null bound is open.</summary>
    /// <param name="index">The index name.</param>
    /// <param name="from">The inclusive lower bound, or <see langword="null"/>.</param>
    /// <param name="to">The exclusive upper bound, or <see langword="null"/>.</param>
    /// <returns>The filter.</returns>
    public static IndexFilter Range(string index, object? from, object? to) => new RangeFilter(index, from, to);

    /// <summary>A text index starts with a prefix (ordinal comparison).</summary>
    /// <param name="index">The index name.</param>
    /// <param name="prefix">The prefix; not empty.</param>
    /// <returns>The filter.</returns>
    public static IndexFilter StartsWith(string index, string prefix) => new StartsWithFilter(index, prefix);

    /// <summary>All the conditions hold.</summary>
    /// <param name="filters">The conditions; nulls are ignored.</param>
    /// <returns>The filter, or the single condition when only one is given.</returns>
    public static IndexFilter And(params IEnumerable<IndexFilter?> filters)
    {
        var all = filters.OfType<IndexFilter>().SelectMany(f => f is AndFilter a ? a.Filters : [f]).ToArray();
        return all.Length == 1 ? all[0] : new AndFilter(all);
    }
}

/// <summary>The index equals <see cref="Value"/>.</summary>
/// <param name="Index">The index name.</param>
/// <param name="Value">The value.</param>
public sealed record EqualFilter(string Index, object Value) : IndexFilter;

/// <summary>The index equals one of <see cref="Values"/>.</summary>
/// <param name="Index">The index name.</param>
/// <param name="Values">The values.</param>
public sealed record AnyOfFilter(string Index, IReadOnlyList<object> Values) : IndexFilter;

/// <summary>The index lies in [<see cref="From"/>, <see cref="To"/>).</summary>
/// <param name="Index">The index name.</param>
/// <param name="From">The inclusive lower bound, or <see langword="null"/> for none.</param>
/// <param name="To">The exclusive upper bound, or <see langword="null"/> for none.</param>
public sealed record RangeFilter(string Index, object? From, object? To) : IndexFilter;

/// <summary>The text index starts with <see cref="Prefix"/>.</summary>
/// <param name="Index">The index name.</param>
/// <param name="Prefix">The prefix.</param>
public sealed record StartsWithFilter(string Index, string Prefix) : IndexFilter;

/// <summary>All of <see cref="Filters"/> hold.</summary>
/// <param name="Filters">The conditions.</param>
public sealed record AndFilter(IReadOnlyList<IndexFilter> Filters) : IndexFilter;
