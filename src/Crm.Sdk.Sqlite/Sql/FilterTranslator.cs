using System.Globalization;
using System.Text;
using Crm.Sdk.ProviderKit;
using Crm.Sdk.Sqlite.Schema;
using Microsoft.Data.Sqlite;

namespace Crm.Sdk.Sqlite.Sql;

/// <summary>
/// Translates an <see cref="IndexFilter"/> into a SQL condition on the table aliased <c>t</c>, adding its parameters
/// to a command. Conditions on a multi-valued index become <c>id IN (SELECT id ...)</c> over its side table.
/// </summary>
internal sealed class FilterTranslator
{
    public const string Alias = "t";

    private readonly SqliteCommand _command;
    private readonly CollectionModel _model;
    private int _next;

    public FilterTranslator(SqliteCommand command, CollectionModel model)
    {
        _command = command;
        _model = model;
    }

    /// <summary>The qualified column of a single-valued index.</summary>
    public static string Column(IndexDefinition index) => $"{Alias}.{SqlIdentifier.Quote(index.Name)}";

    /// <summary>Adds a parameter and returns its name.</summary>
    public string Parameter(object value)
    {
        var name = "@p" + _next++.ToString(CultureInfo.InvariantCulture);
        _command.Parameters.AddWithValue(name, value);
        return name;
    }

    /// <summary>The condition, or <c>1</c> (true) when there is none.</summary>
    public string Translate(IndexFilter? filter) => filter switch
    {
        null => "1",
        AndFilter and => and.Filters.Count == 0
            ? "1"
            : string.Join(" AND ", and.Filters.Select(f => "(" + Translate(f) + ")")),
        EqualFilter f => OnIndex(f.Index, (column, index) => $"{column} = {Parameter(Value(index, f.Value))}"),
        AnyOfFilter f => OnIndex(f.Index, (column, index) => AnyOf(column, index, f.Values)),
        RangeFilter f => OnIndex(f.Index, (column, index) => Range(column, index, f.From, f.To)),
        StartsWithFilter f => OnIndex(f.Index, (column, index) => StartsWith(column, index, f.Prefix)),
        _ => throw new ArgumentException($"Unknown filter {filter.GetType().Name}.", nameof(filter)),
    };

    /// <summary>
    /// The least string greater than every string that starts with <paramref name="prefix"/>, in code point order
    /// (the order of SQLite's BINARY collation over UTF-8): the prefix with its last code point incremented,
    /// dropping trailing U+10FFFF; <see langword="null"/> when there is none.
    /// </summary>
    public static string? PrefixUpperBound(string prefix)
    {
        var runes = prefix.EnumerateRunes().ToList();
        while (runes.Count > 0)
        {
            var last = runes[^1].Value;
            if (last == 0x10FFFF)
            {
                runes.RemoveAt(runes.Count - 1);
                continue;
            }

            var next = last + 1 == 0xD800 ? 0xE000 : last + 1;
            runes[^1] = new Rune(next);
            var builder = new StringBuilder();
            foreach (var rune in runes)
            {
                builder.Append(rune.ToString());
            }

            return builder.ToString();
        }

        return null;
    }

    private string OnIndex(string indexName, Func<string, IndexDefinition, string> condition)
    {
        var index = _model.GetIndex(indexName);
        if (!index.IsMultiValued)
        {
            return condition(Column(index), index);
        }

        // "id IN (ids from the side table's (value, id) key)", not a correlated EXISTS: SQLite runs the subquery once through
        // the side table's primary key and looks the ids up, where EXISTS made it scan the whole table and probe per row.
        var side = _model.SideTableOf(index);
        return $"{Alias}.\"id\" IN (SELECT s.\"id\" FROM {side} AS s WHERE {condition("s.\"value\"", index)})";
    }

    private object Value(IndexDefinition index, object? value) =>
        value is null
            ? throw new ArgumentException($"A filter on '{index.Name}' of '{_model.Name}' needs a value, not null.", nameof(value))
            : IndexValueCodec.ToDb(index, value, _model.Name);

    private string AnyOf(string column, IndexDefinition index, IReadOnlyList<object> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            return "0";
        }

        return $"{column} IN ({string.Join(", ", values.Select(v => Parameter(Value(index, v))))})";
    }

    private string Range(string column, IndexDefinition index, object? from, object? to)
    {
        var parts = new List<string> { $"{column} IS NOT NULL" };
        if (from is not null)
        {
            parts.Add($"{column} >= {Parameter(IndexValueCodec.ToDbBound(index, from, _model.Name))}");
        }

        if (to is not null)
        {
            parts.Add($"{column} < {Parameter(IndexValueCodec.ToDbBound(index, to, _model.Name))}");
        }

        return string.Join(" AND ", parts.Count > 1 ? parts.Skip(1) : parts);
    }

    private string StartsWith(string column, IndexDefinition index, string prefix)
    {
        if (index.Type != IndexValueType.Text)
        {
            throw new ArgumentException($"StartsWith needs a Text index; '{index.Name}' of '{_model.Name}' is {index.Type}.", nameof(index));
        }

        ArgumentNullException.ThrowIfNull(prefix);
        if (prefix.Length == 0)
        {
            return $"{column} IS NOT NULL";
        }

        // A range, not LIKE or GLOB: no wildcard to escape, ordinal, and served by the column's B-tree.
        var lower = $"{column} >= {Parameter(prefix)}";
        var upper = PrefixUpperBound(prefix);
        return upper is null ? lower : $"{lower} AND {column} < {Parameter(upper)}";
    }
}
