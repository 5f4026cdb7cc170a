using Crm.Sdk.PostgreSql.Sql;
using Crm.Sdk.ProviderKit;

namespace Crm.Sdk.PostgreSql.Schema;

/// <summary>A collection as laid out in PostgreSQL: its table, side tables and the names of its unique constraints.</summary>
internal sealed class CollectionModel
{
    private readonly Dictionary<string, string> _keyOfConstraint = new(StringComparer.Ordinal);

    public CollectionModel(string schema, CollectionDefinition definition)
    {
        Definition = definition;
        Name = definition.Name;
        TableName = definition.Name;
        Table = SqlNames.Quote(schema) + "." + SqlNames.Quote(TableName);
        PrimaryKeyName = SqlNames.Bounded($"{Name}_pkey");
        _keyOfConstraint[PrimaryKeyName] = "id";
        foreach (var index in definition.Indexes)
        {
            if (index.IsMultiValued)
            {
                var side = SideTableName(index);
                _keyOfConstraint[SqlNames.Bounded($"{side}_pkey")] = index.Name;
                _keyOfConstraint[UniqueIndexName(index)] = index.Name;
            }
            else if (index.IsUnique)
            {
                _keyOfConstraint[UniqueIndexName(index)] = index.Name;
            }
        }

        SingleValued = definition.Indexes.Where(i => !i.IsMultiValued).ToArray();
        MultiValued = definition.Indexes.Where(i => i.IsMultiValued).ToArray();
        Schema = schema;
    }

    public CollectionDefinition Definition { get; }

    public string Name { get; }

    public string Schema { get; }

    /// <summary>The unquoted table name.</summary>
    public string TableName { get; }

    /// <summary>The quoted, schema-qualified table name.</summary>
    public string Table { get; }

    public string PrimaryKeyName { get; }

    /// <summary>The single-valued indexes, each a column of the table, in declaration order.</summary>
    public IReadOnlyList<IndexDefinition> SingleValued { get; }

    /// <summary>The multi-valued indexes, each a side table.</summary>
    public IReadOnlyList<IndexDefinition> MultiValued { get; }

    public IndexDefinition GetIndex(string name) => Definition.GetIndex(name);

    /// <summary>The unquoted name of the side table of a multi-valued index.</summary>
    public string SideTableName(IndexDefinition index) => SqlNames.Bounded($"{Name}__{index.Name}");

    /// <summary>The quoted, schema-qualified side table of a multi-valued index.</summary>
    public string SideTable(IndexDefinition index) => SqlNames.Quote(Schema) + "." + SqlNames.Quote(SideTableName(index));

    /// <summary>The name of the unique index of a unique index value (on the column, or on the side table's value).</summary>
    public string UniqueIndexName(IndexDefinition index) =>
        SqlNames.Bounded(index.IsMultiValued ? $"ux_{SideTableName(index)}_value" : $"ux_{Name}_{index.Name}");

    /// <summary>The name of the plain (non-unique) index of a single-valued index value.</summary>
    public string PlainIndexName(IndexDefinition index) => SqlNames.Bounded($"ix_{Name}_{index.Name}");

    /// <summary>The key (<c>id</c> or an index name) a unique constraint of this collection guards, if it is one of ours.</summary>
    public bool TryGetKeyOfConstraint(string constraint, out string key) => _keyOfConstraint.TryGetValue(constraint, out key!);
}
