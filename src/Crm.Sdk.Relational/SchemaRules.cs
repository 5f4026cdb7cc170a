using Crm.Sdk.ProviderKit;

namespace Crm.Sdk.Relational;

/// <summary>Provider kit: the rules every relational layout applies to a <see cref="StoreSchema"/> and its upgrades.</summary>
public static class SchemaRules
{
    private static readonly HashSet<string> ReservedColumns = new(StringComparer.Ordinal) { "id", "version", "body" };

    /// <summary>
    /// Rejects a schema the relational layout cannot hold: index names that are the document's own columns, and
    /// collections or side tables whose names collide with each other or with the provider's own tables.
    /// </summary>
    /// <param name="schema">The schema.</param>
    /// <param name="dialect">The provider's dialect (which bounds generated names).</param>
    /// <param name="providerTables">The provider's own tables (the recorded schema, the layout version).</param>
    /// <exception cref="ArgumentException">The schema does not fit the layout.</exception>
    public static void Validate(StoreSchema schema, SqlDialect dialect, params IEnumerable<string> providerTables)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(dialect);
        ArgumentNullException.ThrowIfNull(providerTables);
        var tables = new HashSet<string>(providerTables, StringComparer.Ordinal);
        foreach (var collection in schema.Collections)
        {
            if (!tables.Add(collection.Name))
            {
                throw new ArgumentException($"Collection name '{collection.Name}' is taken by another table of the {dialect.DisplayName} layout.", nameof(schema));
            }

            foreach (var index in collection.Indexes)
            {
                if (ReservedColumns.Contains(index.Name))
                {
                    throw new ArgumentException($"Index name '{index.Name}' of '{collection.Name}' is reserved (id, version and body are the document's own columns).", nameof(schema));
                }

                if (index.IsMultiValued && !tables.Add(dialect.Name($"{collection.Name}__{index.Name}")))
                {
                    throw new ArgumentException($"The side table of '{collection.Name}.{index.Name}' collides with another table.", nameof(schema));
                }
            }
        }
    }

    /// <summary>Checks that an upgrade keeps the type and shape of every index recorded before (upgrades only add).</summary>
    /// <param name="previous">The definition recorded in the database.</param>
    /// <param name="next">The definition being applied.</param>
    /// <exception cref="CrmConfigurationException">An index changes its type or becomes (or stops being) multi-valued.</exception>
    public static void CheckCompatible(CollectionDefinition previous, CollectionDefinition next)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(next);
        foreach (var index in next.Indexes)
        {
            if (previous.HasIndex(index.Name))
            {
                var old = previous.GetIndex(index.Name);
                if (old.Type != index.Type || old.IsMultiValued != index.IsMultiValued)
                {
                    throw new CrmConfigurationException(
                        $"Index '{index.Name}' of '{next.Name}' was {Describe(old)} and is now {Describe(index)}: an index cannot change its type. Declare a new index instead.");
                }
            }
        }

        static string Describe(IndexDefinition i) => i.IsMultiValued ? $"a multi-valued {i.Type}" : $"a {i.Type}";
    }
}
