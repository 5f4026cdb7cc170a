using System.Data.Common;
using Crm.Sdk.ProviderKit;

namespace Crm.Sdk.Relational;

/// <summary>
/// Provider kit: a collection laid out as relational tables. The document table (named after the collection, aliased
/// <see cref="Alias"/> in every statement) has <c>"id"</c>, <c>"version"</c>, <c>"body"</c> and one typed column per
/// single-valued index, in declaration order; each multi-valued index has a side table <c>&lt;collection&gt;__&lt;index&gt;</c>
/// of (<c>"value"</c>, <c>"id"</c>) rows. A provider derives a class that adds its own statements and names, and
/// builds one per collection through <see cref="StoreLayout{TLayout}"/>.
/// </summary>
public class CollectionLayout
{
    /// <summary>The alias of the document table in the statements the core builds.</summary>
    public const string Alias = "t";

    private readonly int[] _columnOrdinals;
    private readonly int[] _multiValuedOrdinals;
    private readonly int[] _positions;
    private readonly string[] _sideTables;
    private volatile ForeignLayout? _foreign;

    /// <summary>Lays out a collection.</summary>
    /// <param name="definition">The collection definition.</param>
    /// <param name="dialect">The provider's dialect.</param>
    /// <param name="schema">The database schema that holds the tables (PostgreSQL), or <see langword="null"/> for none (SQLite).</param>
    public CollectionLayout(CollectionDefinition definition, SqlDialect dialect, string? schema = null)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(dialect);
        Definition = definition;
        Dialect = dialect;
        Schema = schema;
        Name = definition.Name;
        Table = Qualify(definition.Name);

        var indexes = definition.Indexes;
        var columns = new List<IndexDefinition>(indexes.Count);
        var multi = new List<IndexDefinition>();
        var columnOrdinals = new List<int>(indexes.Count);
        var multiOrdinals = new List<int>();
        _positions = new int[indexes.Count];
        for (var i = 0; i < indexes.Count; i++)
        {
            if (indexes[i].IsMultiValued)
            {
                _positions[i] = multi.Count;
                multi.Add(indexes[i]);
                multiOrdinals.Add(i);
            }
            else
            {
                _positions[i] = columns.Count;
                columns.Add(indexes[i]);
                columnOrdinals.Add(i);
            }
        }

        Columns = columns;
        MultiValued = multi;
        _columnOrdinals = [.. columnOrdinals];
        _multiValuedOrdinals = [.. multiOrdinals];
        _sideTables = multi.Select(index => Qualify(SideTableName(index))).ToArray();
        ExportSql = $"SELECT {Alias}.\"id\", {Alias}.\"version\", {dialect.Body(Alias)}"
            + string.Concat(columns.Select(c => ", " + Column(c)))
            + string.Concat(_sideTables.Select(side => ", " + dialect.SideValues(side, $"{Alias}.\"id\"")))
            + $" FROM {Table} AS {Alias} ORDER BY {Alias}.\"id\"";
    }

    /// <summary>The collection definition.</summary>
    public CollectionDefinition Definition { get; }

    /// <summary>The provider's dialect.</summary>
    public SqlDialect Dialect { get; }

    /// <summary>The collection name.</summary>
    public string Name { get; }

    /// <summary>The database schema holding the tables, or <see langword="null"/>.</summary>
    public string? Schema { get; }

    /// <summary>The quoted (and schema-qualified) document table.</summary>
    public string Table { get; }

    /// <summary>The single-valued indexes, each a column of the document table, in declaration order.</summary>
    public IReadOnlyList<IndexDefinition> Columns { get; }

    /// <summary>The multi-valued indexes, each a side table, in declaration order.</summary>
    public IReadOnlyList<IndexDefinition> MultiValued { get; }

    /// <summary>The quoted (and schema-qualified) side tables, aligned with <see cref="MultiValued"/>.</summary>
    public IReadOnlyList<string> SideTables => _sideTables;

    /// <summary>
    /// Every document ordered by id: id, version, body, the <see cref="Columns"/>, then each side table's values
    /// (<see cref="SqlDialect.SideValues"/>); <see cref="ReadExported"/> decodes its rows.
    /// </summary>
    public string ExportSql { get; }

    /// <summary>The column of a single-valued index on the table aliased <see cref="Alias"/>.</summary>
    /// <param name="index">The index.</param>
    /// <returns><c>t."name"</c>.</returns>
    public static string Column(IndexDefinition index)
    {
        ArgumentNullException.ThrowIfNull(index);
        return Alias + "." + SqlIdentifier.Quote(index.Name);
    }

    /// <summary>The index of that name.</summary>
    /// <param name="name">The index name.</param>
    /// <returns>The index.</returns>
    /// <exception cref="ArgumentException">The collection declares no such index.</exception>
    public IndexDefinition GetIndex(string name) => Definition.GetIndex(name);

    /// <summary>The single-valued index of that name.</summary>
    /// <param name="name">The index name.</param>
    /// <param name="use">What it is used for, for the message (<c>order by</c>, <c>group by</c>).</param>
    /// <returns>The index.</returns>
    /// <exception cref="ArgumentException">The collection declares no such index, or it is multi-valued.</exception>
    public IndexDefinition GetSingleValued(string name, string use)
    {
        var index = GetIndex(name);
        return index.IsMultiValued
            ? throw new ArgumentException($"Cannot {use} multi-valued index '{name}' of '{Name}'.", nameof(name))
            : index;
    }

    /// <summary>The position of an index among <see cref="Columns"/> (single-valued) or <see cref="MultiValued"/>.</summary>
    /// <param name="index">An index of this collection.</param>
    /// <returns>The position.</returns>
    /// <exception cref="ArgumentException">The collection declares no such index.</exception>
    public int PositionOf(IndexDefinition index)
    {
        ArgumentNullException.ThrowIfNull(index);
        return _positions[Definition.GetOrdinal(index.Name)];
    }

    /// <summary>The unquoted name of a multi-valued index's side table (bounded by the dialect).</summary>
    /// <param name="index">The index.</param>
    /// <returns>The name.</returns>
    public string SideTableName(IndexDefinition index)
    {
        ArgumentNullException.ThrowIfNull(index);
        return Dialect.Name($"{Name}__{index.Name}");
    }

    /// <summary>The quoted (and schema-qualified) side table of a multi-valued index.</summary>
    /// <param name="index">The index.</param>
    /// <returns>The side table.</returns>
    /// <exception cref="ArgumentException">The index is not a multi-valued index of this collection.</exception>
    public string SideTable(IndexDefinition index)
    {
        ArgumentNullException.ThrowIfNull(index);
        return GetIndex(index.Name).IsMultiValued
            ? _sideTables[PositionOf(index)]
            : throw new ArgumentException($"Index '{index.Name}' of '{Name}' is not multi-valued.", nameof(index));
    }

    /// <summary>A name of this collection's schema, quoted and qualified: <c>"schema"."name"</c>, or <c>"name"</c> without a schema.</summary>
    /// <param name="name">The unquoted name.</param>
    /// <returns>The qualified name.</returns>
    public string Qualify(string name) =>
        Schema is null ? SqlIdentifier.Quote(name) : SqlIdentifier.Quote(Schema) + "." + SqlIdentifier.Quote(name);

    /// <summary>Reads a document (id, version, body, then the order value when <paramref name="order"/> is given) from a row.</summary>
    /// <param name="reader">The reader, on a row of <c>id, version, body[, order column]</c>.</param>
    /// <param name="order">The order index, or <see langword="null"/> when ordering by id (the id is then the sort value).</param>
    /// <returns>The document.</returns>
    public StoredDocument ReadDocument(DbDataReader reader, IndexDefinition? order)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var id = Dialect.ReadId(reader, 0);
        return new StoredDocument(id, reader.GetInt64(1), reader.GetString(2))
        {
            SortValue = order is null ? id : Dialect.FromDb(order.Type, reader.GetValue(3)),
        };
    }

    /// <summary>Reads a row of <see cref="ExportSql"/>: the document with every index value, in this collection's order.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The exported document.</returns>
    public ExportedDocument ReadExported(DbDataReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var values = new IndexValues(Definition);
        var column = 3;
        for (var i = 0; i < _columnOrdinals.Length; i++)
        {
            values.SetAt(_columnOrdinals[i], Dialect.FromDb(Columns[i].Type, reader.GetValue(column++)));
        }

        for (var i = 0; i < _multiValuedOrdinals.Length; i++)
        {
            values.SetAt(_multiValuedOrdinals[i], Dialect.ReadSideValues(reader, column++));
        }

        return new ExportedDocument(Dialect.ReadId(reader, 0), reader.GetInt64(1), reader.GetString(2), values);
    }

    /// <summary>The definition ordinals of <see cref="Columns"/>, read by <see cref="PreparedWrite{TLayout}"/>.</summary>
    internal int[] ColumnOrdinals => _columnOrdinals;

    /// <summary>The definition ordinals of <see cref="MultiValued"/>.</summary>
    internal int[] MultiValuedOrdinals => _multiValuedOrdinals;

    /// <summary>
    /// Where index values created for another instance of this collection's definition (an export of another store, a
    /// schema recorded earlier) hold this collection's indexes: for each definition ordinal here, the ordinal there
    /// (-1 when absent). Checked and computed once per foreign definition (the last one is kept).
    /// </summary>
    internal int[] OrdinalsIn(IndexValues values)
    {
        var source = values.Collection;
        var known = _foreign;
        if (known is null || !ReferenceEquals(known.Source, source))
        {
            var map = new int[Definition.Indexes.Count];
            for (var i = 0; i < map.Length; i++)
            {
                map[i] = source.TryGetOrdinal(Definition.Indexes[i].Name, out var there) ? there : -1;
            }

            var unknown = new List<int>();
            for (var i = 0; i < source.Indexes.Count; i++)
            {
                if (!Definition.HasIndex(source.Indexes[i].Name))
                {
                    unknown.Add(i);
                }
            }

            known = new ForeignLayout(source, map, [.. unknown]);
            _foreign = known;
        }

        foreach (var ordinal in known.Unknown)
        {
            if (values.IsSet(ordinal))
            {
                throw new ArgumentException($"Collection '{Name}' declares no index '{source.Indexes[ordinal].Name}'.", nameof(values));
            }
        }

        return known.Map;
    }

    private sealed record ForeignLayout(CollectionDefinition Source, int[] Map, int[] Unknown);
}
