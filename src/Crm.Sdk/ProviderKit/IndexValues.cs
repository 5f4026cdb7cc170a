using System.Collections;

namespace Crm.Sdk.ProviderKit;

/// <summary>
/// The index values of one document of a collection, held <b>by position</b>: the value of an index sits at its ordinal,
/// its position in <see cref="CollectionDefinition.Indexes"/>. Each value is a <see cref="string"/>, <see cref="long"/>,
/// <see cref="decimal"/>, <see cref="System.Guid"/>, <see langword="null"/>, or (multi-valued indexes) a set of strings.
/// An index that is not set is stored as <see langword="null"/> (or an empty set).
/// </summary>
/// <remarks>
/// A mapping sets values by name (<see cref="Set(string, string)"/>): the name is resolved to its ordinal once, through
/// the collection's precomputed name→ordinal map, and an undeclared name is an <see cref="ArgumentException"/> right
/// there. A provider reads values by ordinal (<see cref="this[int]"/>), with no lookup per value. When the values were
/// created for another instance of the definition than the provider holds (a document exported by another store, a
/// schema recorded by an earlier run), <see cref="Collection"/> tells the provider which positions they follow.
/// </remarks>
public sealed class IndexValues : IEnumerable<KeyValuePair<string, object?>>
{
    /// <summary>Marks a position no value was set at (read as <see langword="null"/>).</summary>
    private static readonly object Unset = new();

    private readonly object?[] _values;
    private int _count;

    /// <summary>Creates the index values of one document of <paramref name="collection"/>, none of them set yet.</summary>
    /// <param name="collection">The collection whose <see cref="CollectionDefinition.Indexes"/> give the positions.</param>
    /// <exception cref="ArgumentNullException"><paramref name="collection"/> is null.</exception>
    public IndexValues(CollectionDefinition collection)
    {
        ArgumentNullException.ThrowIfNull(collection);
        Collection = collection;
        _values = new object?[collection.Indexes.Count];
        Array.Fill(_values, Unset);
    }

    /// <summary>The collection the values belong to; its <see cref="CollectionDefinition.Indexes"/> are in the order of the values.</summary>
    public CollectionDefinition Collection { get; }

    /// <summary>The number of values set (an index set to <see langword="null"/> counts).</summary>
    public int Count => _count;

    /// <summary>Gets the value of an index by name, or <see langword="null"/> when not set.</summary>
    /// <param name="name">The index name.</param>
    /// <exception cref="ArgumentException">The collection declares no such index.</exception>
    public object? this[string name] => this[Collection.GetOrdinal(name)];

    /// <summary>
    /// Gets the value at an ordinal (the index's position in <see cref="CollectionDefinition.Indexes"/>), or
    /// <see langword="null"/> when not set: how providers read values, with no lookup by name. A multi-valued index's
    /// value is an <see cref="IReadOnlyList{T}"/> of distinct strings.
    /// </summary>
    /// <param name="ordinal">The ordinal.</param>
    /// <exception cref="IndexOutOfRangeException"><paramref name="ordinal"/> is not a position of the collection.</exception>
    public object? this[int ordinal]
    {
        get
        {
            var value = _values[ordinal];
            return ReferenceEquals(value, Unset) ? null : value;
        }
    }

    /// <summary>Whether a value (possibly <see langword="null"/>) was set at an ordinal.</summary>
    /// <param name="ordinal">The ordinal.</param>
    /// <returns><see langword="true"/> when set.</returns>
    public bool IsSet(int ordinal) => !ReferenceEquals(_values[ordinal], Unset);

    /// <summary>Sets a text value.</summary>
    /// <param name="name">The index name.</param>
    /// <param name="value">The value.</param>
    /// <returns>This instance.</returns>
    /// <exception cref="ArgumentException">The collection declares no such index.</exception>
    public IndexValues Set(string name, string? value) => Put(name, value);

    /// <summary>Sets an integer value.</summary>
    /// <param name="name">The index name.</param>
    /// <param name="value">The value.</param>
    /// <returns>This instance.</returns>
    /// <exception cref="ArgumentException">The collection declares no such index.</exception>
    public IndexValues Set(string name, long? value) => Put(name, value);

    /// <summary>Sets a decimal value.</summary>
    /// <param name="name">The index name.</param>
    /// <param name="value">The value.</param>
    /// <returns>This instance.</returns>
    /// <exception cref="ArgumentException">The collection declares no such index.</exception>
    public IndexValues Set(string name, decimal? value) => Put(name, value);

    /// <summary>Sets a GUID value.</summary>
    /// <param name="name">The index name.</param>
    /// <param name="value">The value.</param>
    /// <returns>This instance.</returns>
    /// <exception cref="ArgumentException">The collection declares no such index.</exception>
    public IndexValues Set(string name, Guid? value) => Put(name, value);

    /// <summary>Sets the values of a multi-valued text index; duplicates are removed.</summary>
    /// <param name="name">The index name.</param>
    /// <param name="values">The values.</param>
    /// <returns>This instance.</returns>
    /// <exception cref="ArgumentException">The collection declares no such index.</exception>
    public IndexValues SetMany(string name, IEnumerable<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return Put(name, values.Distinct(StringComparer.Ordinal).ToArray());
    }

    /// <summary>
    /// Sets the value at an ordinal, as a provider does when it reads a document back (an export): a value of the
    /// index's CLR type (see <see cref="IndexValueType"/>), a list of strings for a multi-valued index, or <see langword="null"/>.
    /// </summary>
    /// <param name="ordinal">The ordinal.</param>
    /// <param name="value">The value; a list of strings is kept as an array of its distinct values (an array as it is: the caller keeps it distinct).</param>
    /// <returns>This instance.</returns>
    /// <exception cref="ArgumentException">The value is not of a type index values take.</exception>
    /// <exception cref="IndexOutOfRangeException"><paramref name="ordinal"/> is not a position of the collection.</exception>
    public IndexValues SetAt(int ordinal, object? value)
    {
        if (value is not (null or string or long or decimal or Guid or IReadOnlyList<string>))
        {
            throw new ArgumentException($"Index values are strings, longs, decimals, GUIDs or lists of strings, not {value.GetType().Name}.", nameof(value));
        }

        return PutAt(ordinal, value is IReadOnlyList<string> list and not string[] ? list.Distinct(StringComparer.Ordinal).ToArray() : value);
    }

    /// <summary>Reads the values of a multi-valued index (empty when not set).</summary>
    /// <param name="name">The index name.</param>
    /// <returns>The values.</returns>
    /// <exception cref="ArgumentException">The collection declares no such index.</exception>
    public IReadOnlyList<string> GetMany(string name) => this[name] as IReadOnlyList<string> ?? [];

    /// <summary>The values set, as (index name, value) pairs in declaration order.</summary>
    /// <returns>The enumerator.</returns>
    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        for (var i = 0; i < _values.Length; i++)
        {
            if (IsSet(i))
            {
                yield return new KeyValuePair<string, object?>(Collection.Indexes[i].Name, _values[i]);
            }
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private IndexValues Put(string name, object? value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return PutAt(Collection.GetOrdinal(name), value);
    }

    private IndexValues PutAt(int ordinal, object? value)
    {
        if (ReferenceEquals(_values[ordinal], Unset))
        {
            _count++;
        }

        _values[ordinal] = value;
        return this;
    }
}
