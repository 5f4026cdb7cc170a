namespace Crm.Sdk.ProviderKit;

/// <summary>
/// One value that the SDK extracts from every document of a collection so the provider can filter,
/// order and aggregate on it without reading the document.
/// </summary>
public sealed record IndexDefinition
{
    private readonly bool _hasOwnIndex = true;

    /// <summary>Declares an index value.</summary>
    /// <param name="name">A lower-case identifier (<c>[a-z][a-z0-9_]*</c>), used as the column name.</param>
    /// <param name="type">The value type.</param>
    /// <param name="isMultiValued">Whether a document holds a set of text values (tags, emails); only for <see cref="IndexValueType.Text"/>.</param>
    /// <param name="isUnique">Whether two documents of the collection may never share a value.</param>
    public IndexDefinition(string name, IndexValueType type, bool isMultiValued = false, bool isUnique = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (!IsIdentifier(name))
        {
            throw new ArgumentException($"Index name '{name}' must match [a-z][a-z0-9_]*.", nameof(name));
        }

        if (isMultiValued && type != IndexValueType.Text)
        {
            throw new ArgumentException($"Multi-valued index '{name}' must be of type Text.", nameof(isMultiValued));
        }

        Name = name;
        Type = type;
        IsMultiValued = isMultiValued;
        IsUnique = isUnique;
    }

    /// <summary>The index name, also the column name.</summary>
    public string Name { get; }

    /// <summary>The value type.</summary>
    public IndexValueType Type { get; }

    /// <summary>Whether a document holds a set of values rather than one.</summary>
    public bool IsMultiValued { get; }

    /// <summary>Whether values are unique across the collection (nulls excepted).</summary>
    public bool IsUnique { get; }

    /// <summary>
    /// Whether the provider keeps a B-tree (a database index) of this value on its own; <see langword="true"/> unless
    /// declared otherwise. Set it to <see langword="false"/> for a value that is only filtered or aggregated together with
    /// others, where a composite index of the collection already serves the lookup (a customer's interaction amounts,
    /// always read by customer), so that every write maintains one B-tree less. Filters, ordering and aggregates on the
    /// value still work and give the same results, reading through another index or the table.
    /// </summary>
    /// <exception cref="ArgumentException">Set to <see langword="false"/> on a unique or multi-valued index, which always needs its own.</exception>
    public bool HasOwnIndex
    {
        get => _hasOwnIndex;
        init
        {
            if (!value && (IsUnique || IsMultiValued))
            {
                throw new ArgumentException($"Index '{Name}' is {(IsUnique ? "unique" : "multi-valued")} and needs its own B-tree.", nameof(value));
            }

            _hasOwnIndex = value;
        }
    }

    /// <summary>
    /// Checks that a value has this index's type and returns it in the one form providers store: a <see cref="string"/>,
    /// a <see cref="long"/> (from any integer type), a <see cref="decimal"/> (from a decimal, long or int) or a <see cref="System.Guid"/>.
    /// </summary>
    /// <param name="value">The value, from index values, a filter or a keyset position.</param>
    /// <param name="collection">The collection, for the error message.</param>
    /// <returns>The value in canonical form.</returns>
    /// <exception cref="ArgumentException">The value has another type; the message names the index and both types.</exception>
    public object ToCanonical(object value, string collection)
    {
        ArgumentNullException.ThrowIfNull(value);
        return (Type, value) switch
        {
            (IndexValueType.Text, string text) => text,
            (IndexValueType.WholeNumber, long l) => l,
            (IndexValueType.WholeNumber, int i) => (long)i,
            (IndexValueType.WholeNumber, short s) => (long)s,
            (IndexValueType.WholeNumber, byte b) => (long)b,
            (IndexValueType.Number, decimal d) => d,
            (IndexValueType.Number, long l) => (decimal)l,
            (IndexValueType.Number, int i) => (decimal)i,
            (IndexValueType.Uuid, Guid g) => g,
            _ => throw new ArgumentException(
                $"Index '{Name}' of '{collection}' is {Type} and takes a {ClrName(Type)}, not a {value.GetType().Name}.",
                nameof(value)),
        };
    }

    private static string ClrName(IndexValueType type) => type switch
    {
        IndexValueType.Text => "string",
        IndexValueType.WholeNumber => "long",
        IndexValueType.Number => "decimal",
        _ => "Guid",
    };

    internal static bool IsIdentifier(string name) =>
        name.Length is > 0 and <= 48
        && char.IsAsciiLetterLower(name[0])
        && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_');
}
