using System.Collections;

namespace Crm.Sdk.ProviderKit;

/// <summary>
/// The index values of one document: for each declared index, a <see cref="string"/>, <see cref="long"/>,
/// <see cref="decimal"/>, <see cref="System.Guid"/>, <see langword="null"/>, or (multi-valued indexes) a set of strings.
/// An index that is not set is stored as <see langword="null"/> (or an empty set).
/// </summary>
public sealed class IndexValues : IEnumerable<KeyValuePair<string, object?>>
{
    private readonly Dictionary<string, object?> _values;

    /// <summary>Creates an empty set of index values.</summary>
    public IndexValues()
        : this(0)
    {
    }

    /// <summary>Creates an empty set of index values with room for <paramref name="capacity"/> of them.</summary>
    /// <param name="capacity">The number of values expected (a collection's index count): no resizing while they are set.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="capacity"/> is negative.</exception>
    public IndexValues(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        _values = new Dictionary<string, object?>(capacity, StringComparer.Ordinal);
    }

    /// <summary>Gets a value, or <see langword="null"/> when not set.</summary>
    /// <param name="name">The index name.</param>
    public object? this[string name] => _values.GetValueOrDefault(name);

    /// <summary>The number of values set.</summary>
    public int Count => _values.Count;

    /// <summary>Sets a text value.</summary>
    /// <param name="name">The index name.</param>
    /// <param name="value">The value.</param>
    /// <returns>This instance.</returns>
    public IndexValues Set(string name, string? value) => Put(name, value);

    /// <summary>Sets an integer value.</summary>
    /// <param name="name">The index name.</param>
    /// <param name="value">The value.</param>
    /// <returns>This instance.</returns>
    public IndexValues Set(string name, long? value) => Put(name, value);

    /// <summary>Sets a decimal value.</summary>
    /// <param name="name">The index name.</param>
    /// <param name="value">The value.</param>
    /// <returns>This instance.</returns>
    public IndexValues Set(string name, decimal? value) => Put(name, value);

    /// <summary>Sets a GUID value.</summary>
    /// <param name="name">The index name.</param>
    /// <param name="value">The value.</param>
    /// <returns>This instance.</returns>
    public IndexValues Set(string name, Guid? value) => Put(name, value);

    /// <summary>Sets the values of a multi-valued text index; duplicates are removed.</summary>
    /// <param name="name">The index name.</param>
    /// <param name="values">The values.</param>
    /// <returns>This instance.</returns>
    public IndexValues SetMany(string name, IEnumerable<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return Put(name, values.Distinct(StringComparer.Ordinal).ToArray());
    }

    /// <summary>Reads the values of a multi-valued index (empty when not set).</summary>
    /// <param name="name">The index name.</param>
    /// <returns>The values.</returns>
    public IReadOnlyList<string> GetMany(string name) => _values.GetValueOrDefault(name) as IReadOnlyList<string> ?? [];

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => _values.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private IndexValues Put(string name, object? value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        _values[name] = value;
        return this;
    }
}
