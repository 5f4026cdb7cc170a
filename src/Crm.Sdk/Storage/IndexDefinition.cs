namespace Crm.Sdk.Storage;

/// <summary>
/// One value that the SDK extracts from every document of a collection so the provider can filter,
/// order and aggregate on it without reading the document.
/// </summary>
public sealed record IndexDefinition
{
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

    internal static bool IsIdentifier(string name) =>
        name.Length is > 0 and <= 48
        && char.IsAsciiLetterLower(name[0])
        && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_');
}
