using System.Text;
using Crm.Sdk.PostgreSql.Schema;
using Crm.Sdk.ProviderKit;
using NpgsqlTypes;

namespace Crm.Sdk.PostgreSql.Sql;

/// <summary>
/// Turns an <see cref="IndexFilter"/> into a SQL condition on the collection's table (alias <c>t</c>). Single-valued
/// indexes are columns; a condition on a multi-valued index holds when a row of its side table meets it. Every shape
/// is a B-tree range: equality, <c>= ANY</c>, ranges, and prefixes as <c>col &gt;= prefix AND col &lt; successor</c>
/// under the ordinal "C" collation.
/// </summary>
internal static class FilterTranslator
{
    public static string Column(IndexDefinition index) => "t." + SqlNames.Quote(index.Name);

    public static string Translate(CollectionModel model, IndexFilter? filter, SqlParameters parameters) => filter switch
    {
        null => "TRUE",
        AndFilter and => and.Filters.Count == 0
            ? "TRUE"
            : "(" + string.Join(" AND ", and.Filters.Select(f => Translate(model, f, parameters))) + ")",
        EqualFilter equal => On(model, equal.Index, (index, column) =>
            $"{column} = {Value(model, index, equal.Value, parameters)}"),
        AnyOfFilter anyOf => On(model, anyOf.Index, (index, column) => AnyOf(model, index, column, anyOf.Values, parameters)),
        RangeFilter range => On(model, range.Index, (index, column) => Range(model, index, column, range, parameters)),
        StartsWithFilter startsWith => On(model, startsWith.Index, (index, column) => StartsWith(model, index, column, startsWith.Prefix, parameters)),
        _ => throw new ArgumentException($"Unknown filter {filter.GetType().Name}.", nameof(filter)),
    };

    /// <summary>Adds a comparable value of an index as a typed parameter.</summary>
    public static string Value(CollectionModel model, IndexDefinition index, object? value, SqlParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(value, nameof(value));
        return parameters.Add(IndexValueCodec.ToComparable(index, value, model.Name), IndexValueCodec.DbType(index.Type));
    }

    /// <summary>
    /// The smallest string greater than every string that starts with <paramref name="prefix"/>, in code point order:
    /// the prefix with its last code point incremented (dropping trailing U+10FFFF); null when there is none.
    /// </summary>
    public static string? Successor(string prefix)
    {
        var runes = prefix.EnumerateRunes().ToList();
        while (runes.Count > 0)
        {
            var last = runes[^1].Value;
            runes.RemoveAt(runes.Count - 1);
            if (last == 0x10FFFF)
            {
                continue;
            }

            var next = last == 0xD7FF ? 0xE000 : last + 1;
            var builder = new StringBuilder();
            foreach (var rune in runes)
            {
                builder.Append(rune.ToString());
            }

            return builder.Append(new Rune(next).ToString()).ToString();
        }

        return null;
    }

    private static string On(CollectionModel model, string indexName, Func<IndexDefinition, string, string> condition)
    {
        var index = model.GetIndex(indexName);
        if (!index.IsMultiValued)
        {
            return condition(index, Column(index));
        }

        return $"EXISTS (SELECT 1 FROM {model.SideTable(index)} s WHERE s.\"id\" = t.\"id\" AND {condition(index, "s.\"value\"")})";
    }

    private static string AnyOf(CollectionModel model, IndexDefinition index, string column, IReadOnlyList<object> values, SqlParameters parameters)
    {
        if (values.Count == 0)
        {
            return "FALSE";
        }

        var converted = values.Select(v => IndexValueCodec.ToComparable(index, v ?? throw new ArgumentException("Any-of values must not be null.", nameof(values)), model.Name));
        object array = index.Type switch
        {
            IndexValueType.Text => converted.Cast<string>().ToArray(),
            IndexValueType.WholeNumber => converted.Cast<long>().ToArray(),
            IndexValueType.Number => converted.Cast<decimal>().ToArray(),
            _ => converted.Cast<Guid>().ToArray(),
        };
        return $"{column} = ANY({parameters.Add(array, NpgsqlDbType.Array | IndexValueCodec.DbType(index.Type))})";
    }

    private static string Range(CollectionModel model, IndexDefinition index, string column, RangeFilter range, SqlParameters parameters)
    {
        var parts = new List<string>(2);
        if (range.From is not null)
        {
            parts.Add($"{column} >= {Value(model, index, range.From, parameters)}");
        }

        if (range.To is not null)
        {
            parts.Add($"{column} < {Value(model, index, range.To, parameters)}");
        }

        return parts.Count == 0 ? $"{column} IS NOT NULL" : "(" + string.Join(" AND ", parts) + ")";
    }

    private static string StartsWith(CollectionModel model, IndexDefinition index, string column, string prefix, SqlParameters parameters)
    {
        if (index.Type != IndexValueType.Text)
        {
            throw new ArgumentException($"StartsWith needs a Text index; '{index.Name}' of '{model.Name}' is {index.Type}.", nameof(index));
        }

        ArgumentNullException.ThrowIfNull(prefix);
        var lower = $"{column} >= {Value(model, index, prefix, parameters)}";
        var successor = Successor(prefix);
        return successor is null ? lower : $"({lower} AND {column} < {Value(model, index, successor, parameters)})";
    }
}
