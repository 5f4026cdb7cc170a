using System.Text;
using Crm.Sdk.ProviderKit;

namespace Crm.Sdk.Relational;

/// <summary>
/// Provider kit: turns an <see cref="IndexFilter"/> into an SQL condition on a collection's document table (aliased
/// <see cref="CollectionLayout.Alias"/>), adding its values to a statement's parameters. It walks the tree and asks
/// the collection's <see cref="SqlDialect"/> for the pieces: value conversions, any-of lists, side-table conditions.
/// Every shape is a B-tree range: equality, any-of, ranges, and prefixes as <c>col &gt;= prefix AND col &lt; successor</c>
/// (see <see cref="PrefixSuccessor"/>) under an ordinal (binary) collation. A condition on a multi-valued index holds
/// when a row of its side table meets it.
/// </summary>
public sealed class FilterTranslator
{
    private readonly CollectionLayout _collection;
    private readonly SqlDialect _dialect;

    /// <summary>Creates a translator for one statement.</summary>
    /// <param name="collection">The collection filtered.</param>
    /// <param name="parameters">The statement's parameters, which the filter's values are added to.</param>
    public FilterTranslator(CollectionLayout collection, SqlParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(collection);
        ArgumentNullException.ThrowIfNull(parameters);
        _collection = collection;
        _dialect = collection.Dialect;
        Parameters = parameters;
    }

    /// <summary>The statement's parameters.</summary>
    public SqlParameters Parameters { get; }

    /// <summary>The condition, or the dialect's <see cref="SqlDialect.TrueLiteral"/> when there is none.</summary>
    /// <param name="filter">The filter, or <see langword="null"/>.</param>
    /// <returns>The SQL condition.</returns>
    /// <exception cref="ArgumentException">The filter names an undeclared index or compares it with a value of another type.</exception>
    public string Translate(IndexFilter? filter) => filter switch
    {
        null => _dialect.TrueLiteral,
        AndFilter and => and.Filters.Count == 0
            ? _dialect.TrueLiteral
            : string.Join(" AND ", and.Filters.Select(f => "(" + Translate(f) + ")")),
        EqualFilter f => On(f.Index, (column, index) => $"{column} = {Comparable(index, f.Value)}"),
        AnyOfFilter f => On(f.Index, (column, index) => AnyOf(column, index, f.Values)),
        RangeFilter f => On(f.Index, (column, index) => Range(column, index, f.From, f.To)),
        StartsWithFilter f => On(f.Index, (column, index) => StartsWith(column, index, f.Prefix)),
        _ => throw new ArgumentException($"Unknown filter {filter.GetType().Name}.", nameof(filter)),
    };

    /// <summary>Adds a value of an index as a parameter, converted by <see cref="SqlDialect.ToComparable"/>, and returns its placeholder.</summary>
    /// <param name="index">The index.</param>
    /// <param name="value">The value; not null.</param>
    /// <returns>The placeholder.</returns>
    /// <exception cref="ArgumentException">The value is null or not of the index's type.</exception>
    public string Comparable(IndexDefinition index, object? value)
    {
        ArgumentNullException.ThrowIfNull(index);
        return value is null
            ? throw new ArgumentException($"A filter on '{index.Name}' of '{_collection.Name}' needs a value, not null.", nameof(value))
            : Parameters.Add(_dialect.ToComparable(index, value, _collection.Name), index.Type);
    }

    /// <summary>Adds a document id as a parameter and returns its placeholder.</summary>
    /// <param name="id">The id.</param>
    /// <returns>The placeholder.</returns>
    public string Id(Guid id) => Parameters.Add(_dialect.EncodeId(id), IndexValueType.Uuid);

    /// <summary>
    /// The least string greater than every string that starts with <paramref name="prefix"/>, in code point order (the
    /// order of a binary collation over UTF-8): the prefix with its last code point incremented (skipping surrogates),
    /// after dropping trailing U+10FFFF; <see langword="null"/> when there is none.
    /// </summary>
    /// <param name="prefix">The prefix.</param>
    /// <returns>The successor, or <see langword="null"/>.</returns>
    public static string? PrefixSuccessor(string prefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        var runes = prefix.EnumerateRunes().ToList();
        while (runes.Count > 0)
        {
            var last = runes[^1].Value;
            runes.RemoveAt(runes.Count - 1);
            if (last == 0x10FFFF)
            {
                continue;
            }

            var builder = new StringBuilder(prefix.Length + 1);
            foreach (var rune in runes)
            {
                builder.Append(rune.ToString());
            }

            return builder.Append(new Rune(last == 0xD7FF ? 0xE000 : last + 1).ToString()).ToString();
        }

        return null;
    }

    private string On(string indexName, Func<string, IndexDefinition, string> condition)
    {
        var index = _collection.GetIndex(indexName);
        return index.IsMultiValued
            ? _dialect.OnSideTable(CollectionLayout.Alias, _collection.SideTable(index), condition("s.\"value\"", index))
            : condition(CollectionLayout.Column(index), index);
    }

    private string AnyOf(string column, IndexDefinition index, IReadOnlyList<object> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            return _dialect.FalseLiteral;
        }

        var converted = new object[values.Count];
        for (var i = 0; i < converted.Length; i++)
        {
            converted[i] = _dialect.ToComparable(
                index,
                values[i] ?? throw new ArgumentException($"Any-of values of '{index.Name}' of '{_collection.Name}' must not be null.", nameof(values)),
                _collection.Name);
        }

        return _dialect.AnyOf(column, index, converted, Parameters);
    }

    private string Range(string column, IndexDefinition index, object? from, object? to)
    {
        if (from is null && to is null)
        {
            return $"{column} IS NOT NULL";
        }

        var lower = from is null ? null : $"{column} >= {Parameters.Add(_dialect.ToBound(index, from, _collection.Name), index.Type)}";
        var upper = to is null ? null : $"{column} < {Parameters.Add(_dialect.ToBound(index, to, _collection.Name), index.Type)}";
        return lower is null ? upper! : upper is null ? lower : $"{lower} AND {upper}";
    }

    private string StartsWith(string column, IndexDefinition index, string prefix)
    {
        if (index.Type != IndexValueType.Text)
        {
            throw new ArgumentException($"StartsWith needs a Text index; '{index.Name}' of '{_collection.Name}' is {index.Type}.", nameof(index));
        }

        ArgumentNullException.ThrowIfNull(prefix);
        if (prefix.Length == 0)
        {
            return $"{column} IS NOT NULL";
        }

        // A range, not LIKE: no wildcard to escape, ordinal, and served by the column's B-tree.
        var lower = $"{column} >= {Comparable(index, prefix)}";
        var upper = PrefixSuccessor(prefix);
        return upper is null ? lower : $"{lower} AND {column} < {Comparable(index, upper)}";
    }
}
