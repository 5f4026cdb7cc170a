using Crm.Sdk.PostgreSql.Sql;
using Crm.Sdk.ProviderKit;
using Crm.Sdk.Relational;

namespace Crm.Sdk.PostgreSql.Schema;

/// <summary>A collection as laid out in a PostgreSQL schema (see <see cref="CollectionLayout"/>), with the names of its unique constraints.</summary>
internal sealed class CollectionModel : CollectionLayout
{
    private readonly Dictionary<string, string> _keyOfConstraint = new(StringComparer.Ordinal);

    public CollectionModel(string schema, CollectionDefinition definition)
        : base(definition, PostgreSqlDialect.Instance, schema)
    {
        PrimaryKeyName = Dialect.Name($"{Name}_pkey");
        _keyOfConstraint[PrimaryKeyName] = "id";
        foreach (var index in definition.Indexes)
        {
            if (index.IsMultiValued)
            {
                _keyOfConstraint[Dialect.Name($"{SideTableName(index)}_pkey")] = index.Name;
                _keyOfConstraint[UniqueIndexName(index)] = index.Name;
            }
            else if (index.IsUnique)
            {
                _keyOfConstraint[UniqueIndexName(index)] = index.Name;
            }
        }
    }

    public string PrimaryKeyName { get; }

    /// <summary>The name of the unique index of a unique index value (on the column, or on the side table's value).</summary>
    public string UniqueIndexName(IndexDefinition index) =>
        Dialect.Name(index.IsMultiValued ? $"ux_{SideTableName(index)}_value" : $"ux_{Name}_{index.Name}");

    /// <summary>The name of the plain (non-unique) index of a single-valued index value.</summary>
    public string PlainIndexName(IndexDefinition index) => Dialect.Name($"ix_{Name}_{index.Name}");

    /// <summary>The key (<c>id</c> or an index name) a unique constraint of this collection guards, if it is one of ours.</summary>
    public bool TryGetKeyOfConstraint(string constraint, out string key) => _keyOfConstraint.TryGetValue(constraint, out key!);
}
