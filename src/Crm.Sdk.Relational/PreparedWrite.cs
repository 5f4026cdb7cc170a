using Crm.Sdk.ProviderKit;

namespace Crm.Sdk.Relational;

/// <summary>
/// Provider kit: a <see cref="DocumentWrite"/> checked against the schema, with its values converted to what the
/// columns hold, before the database is touched (an undeclared collection or index, or a value of the wrong type, is an
/// <see cref="ArgumentException"/> with nothing written). Index values are read by ordinal, with no lookup by name.
/// </summary>
/// <typeparam name="TLayout">The provider's collection layout.</typeparam>
public sealed class PreparedWrite<TLayout>
    where TLayout : CollectionLayout
{
    internal static readonly string[][] NoMultiValues = [];

    internal PreparedWrite(DocumentWrite write, TLayout collection, object id, object?[] columns, string[][] multiValues, string? filterSql, SqlParameters? filterParameters)
    {
        Write = write;
        Collection = collection;
        Id = id;
        Columns = columns;
        MultiValues = multiValues;
        FilterSql = filterSql;
        FilterParameters = filterParameters;
    }

    /// <summary>The write.</summary>
    public DocumentWrite Write { get; }

    /// <summary>The collection written to.</summary>
    public TLayout Collection { get; }

    /// <summary>What the write does.</summary>
    public DocumentWriteKind Kind => Write.Kind;

    /// <summary>The document id as the database stores it (<see cref="SqlDialect.EncodeId"/>).</summary>
    public object Id { get; }

    /// <summary>
    /// Inserts, imports and updates: the values of <see cref="CollectionLayout.Columns"/>, in its order, as stored
    /// (<see cref="SqlDialect.ToStored"/>; <see cref="SqlDialect.NullValue"/> where not set); empty for the other kinds.
    /// </summary>
    public object?[] Columns { get; }

    /// <summary>Inserts, imports and updates: the distinct values of each <see cref="CollectionLayout.MultiValued"/> index, in its order.</summary>
    public string[][] MultiValues { get; }

    /// <summary><see cref="DocumentWriteKind.DeleteWhere"/>: its filter as a condition on the document table aliased <see cref="CollectionLayout.Alias"/>.</summary>
    public string? FilterSql { get; }

    /// <summary>The parameters of <see cref="FilterSql"/>.</summary>
    public SqlParameters? FilterParameters { get; }

    /// <summary>
    /// The values this write gives a key, as stored, for reporting a duplicate: the id (inserts and imports), or the
    /// value(s) of an index; none for writes that store nothing.
    /// </summary>
    /// <param name="key"><c>id</c> or an index name.</param>
    /// <returns>The values.</returns>
    public IEnumerable<object> ValuesOf(string key)
    {
        if (Kind is DocumentWriteKind.Delete or DocumentWriteKind.Require or DocumentWriteKind.DeleteWhere)
        {
            return [];
        }

        if (key == "id")
        {
            return Write.IsInsert ? [Id] : [];
        }

        var index = Collection.GetIndex(key);
        var position = Collection.PositionOf(index);
        if (index.IsMultiValued)
        {
            return MultiValues[position];
        }

        return Columns[position] is { } value and not DBNull ? [value] : [];
    }

    /// <summary>The value this write gives a single-valued index, as text for messages.</summary>
    /// <param name="index">The index.</param>
    /// <returns>The value, read back from its stored form and formatted (<see cref="SqlDialect.Format"/>).</returns>
    public string DescribeValue(IndexDefinition index)
    {
        ArgumentNullException.ThrowIfNull(index);
        var stored = Columns.Length == 0 ? null : Columns[Collection.PositionOf(index)];
        return SqlDialect.Format(Collection.Dialect.FromDb(index.Type, stored));
    }

    internal static object? ValueAt(IndexValues values, int[]? map, int ordinal)
    {
        if (map is null)
        {
            return values[ordinal];
        }

        var there = map[ordinal];
        return there < 0 ? null : values[there];
    }

    internal static string[] ToSet(TLayout collection, IndexDefinition index, object? value)
    {
        var set = value switch
        {
            null => [],
            string[] array => array,
            IReadOnlyList<string> list => list.Distinct(StringComparer.Ordinal).ToArray(),
            _ => throw new ArgumentException($"Index '{index.Name}' of '{collection.Name}' holds a set of strings (IndexValues.SetMany).", nameof(value)),
        };
        string[]? converted = null;
        for (var i = 0; i < set.Length; i++)
        {
            var text = collection.Dialect.ToStoredText(
                index,
                set[i] ?? throw new ArgumentException($"Index '{index.Name}' of '{collection.Name}' holds no null values.", nameof(value)),
                collection.Name);
            if (!ReferenceEquals(text, set[i]))
            {
                // Copied on the first change: the caller's values are never modified.
                converted ??= (string[])set.Clone();
                converted[i] = text;
            }
        }

        return converted ?? set;
    }
}
