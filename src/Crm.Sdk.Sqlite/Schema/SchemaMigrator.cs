using System.Globalization;
using Crm.Sdk.ProviderKit;
using Crm.Sdk.Relational;
using Crm.Sdk.Sqlite.Sql;
using Microsoft.Data.Sqlite;

namespace Crm.Sdk.Sqlite.Schema;

/// <summary>
/// Creates and upgrades the tables of a schema. Upgrades are additive: new collections, new index columns (existing
/// rows hold NULL until rewritten), new indexes. Runs inside a <c>BEGIN IMMEDIATE</c> transaction, so two stores
/// or processes upgrading the same file take turns.
/// </summary>
internal static class SchemaMigrator
{
    /// <summary>The layout version of this provider, kept in <c>PRAGMA user_version</c>.</summary>
    public const int FormatVersion = 1;

    public const string SchemaTable = "crm_schema";

    /// <summary>Rejects schemas this provider cannot lay out (names that collide with its own tables and columns).</summary>
    public static void Validate(StoreSchema schema) => SchemaRules.Validate(schema, SqliteDialect.Instance, SchemaTable);

    /// <summary>Brings the database up to <paramref name="schema"/>.</summary>
    public static void Apply(SqliteConnection connection, SqliteTransaction transaction, StoreSchema schema)
    {
        var userVersion = Convert.ToInt64(Scalar(connection, transaction, "PRAGMA user_version"), CultureInfo.InvariantCulture);
        if (userVersion > FormatVersion)
        {
            throw new CrmStorageException(
                $"The database was written by a newer Crm.Sdk.Sqlite (layout version {userVersion}; this one knows up to {FormatVersion}). Upgrade the package.",
                null);
        }

        Execute(connection, transaction, $"CREATE TABLE IF NOT EXISTS {SqlIdentifier.Quote(SchemaTable)} (\"name\" TEXT NOT NULL PRIMARY KEY, \"definition\" TEXT NOT NULL, \"updated_at\" TEXT NOT NULL)");
        var stored = ReadDefinitions(connection, transaction).ToDictionary(c => c.Name, StringComparer.Ordinal);

        foreach (var collection in schema.Collections)
        {
            if (stored.TryGetValue(collection.Name, out var previous))
            {
                SchemaRules.CheckCompatible(previous, collection);
            }

            ApplyCollection(connection, transaction, collection);
        }

        if (userVersion != FormatVersion)
        {
            Execute(connection, transaction, $"PRAGMA user_version = {FormatVersion.ToString(CultureInfo.InvariantCulture)}");
        }
    }

    /// <summary>Reads the collection definitions recorded in the database; empty when it has none.</summary>
    public static IReadOnlyList<CollectionDefinition> ReadDefinitions(SqliteConnection connection, SqliteTransaction? transaction)
    {
        var exists = Scalar(connection, transaction, $"SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '{SchemaTable}'");
        if (Convert.ToInt64(exists, CultureInfo.InvariantCulture) == 0)
        {
            return [];
        }

        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT \"definition\" FROM {SqlIdentifier.Quote(SchemaTable)} ORDER BY \"name\"";
        using var reader = command.ExecuteReader();
        var result = new List<CollectionDefinition>();
        while (reader.Read())
        {
            result.Add(CollectionDefinition.FromJson(reader.GetString(0)));
        }

        return result;
    }

    private static void ApplyCollection(SqliteConnection connection, SqliteTransaction transaction, CollectionDefinition collection)
    {
        var name = collection.Name;
        var layout = new CollectionLayout(collection, SqliteDialect.Instance);
        var table = layout.Table;
        var single = collection.Indexes.Where(i => !i.IsMultiValued).ToArray();
        Execute(connection, transaction,
            $"CREATE TABLE IF NOT EXISTS {table} (\"id\" BLOB NOT NULL PRIMARY KEY, \"version\" INTEGER NOT NULL, \"body\" TEXT NOT NULL"
            + string.Concat(single.Select(i => $", {SqlIdentifier.Quote(i.Name)} {ColumnType(i.Type)}"))
            + ")");

        var columns = ExistingColumns(connection, transaction, name);
        foreach (var index in single.Where(i => !columns.Contains(i.Name)))
        {
            Execute(connection, transaction, $"ALTER TABLE {table} ADD COLUMN {SqlIdentifier.Quote(index.Name)} {ColumnType(index.Type)}");
        }

        foreach (var index in single)
        {
            var column = SqlIdentifier.Quote(index.Name);
            var unique = SqlIdentifier.Quote($"ux_{name}_{index.Name}");
            var plain = SqlIdentifier.Quote($"ix_{name}_{index.Name}");
            if (index.IsUnique)
            {
                Execute(connection, transaction, $"DROP INDEX IF EXISTS {plain}");
                Execute(connection, transaction, $"CREATE UNIQUE INDEX IF NOT EXISTS {unique} ON {table} ({column})");
            }
            else if (index.HasOwnIndex)
            {
                // The id makes "order by the index, then id" and keyset pages one index range scan.
                Execute(connection, transaction, $"DROP INDEX IF EXISTS {unique}");
                Execute(connection, transaction, $"CREATE INDEX IF NOT EXISTS {plain} ON {table} ({column}, \"id\")");
            }
            else
            {
                // Declared without a B-tree of its own (a composite or the table serves it): one less B-tree per write.
                Execute(connection, transaction, $"DROP INDEX IF EXISTS {unique}");
                Execute(connection, transaction, $"DROP INDEX IF EXISTS {plain}");
            }
        }

        foreach (var composite in collection.CompositeIndexes)
        {
            var indexName = SqlIdentifier.Quote($"cx_{name}_{string.Join("_", composite)}");
            var indexColumns = string.Join(", ", composite.Select(SqlIdentifier.Quote));
            Execute(connection, transaction, $"CREATE INDEX IF NOT EXISTS {indexName} ON {table} ({indexColumns}, \"id\")");
        }

        foreach (var index in collection.Indexes.Where(i => i.IsMultiValued))
        {
            var sideName = layout.SideTableName(index);
            var side = layout.SideTable(index);
            Execute(connection, transaction,
                $"CREATE TABLE IF NOT EXISTS {side} (\"value\" TEXT NOT NULL, \"id\" BLOB NOT NULL, PRIMARY KEY (\"value\", \"id\")) WITHOUT ROWID");
            Execute(connection, transaction, $"CREATE INDEX IF NOT EXISTS {SqlIdentifier.Quote($"ix_{sideName}_id")} ON {side} (\"id\")");
            var unique = SqlIdentifier.Quote($"ux_{sideName}_value");
            Execute(connection, transaction, index.IsUnique
                ? $"CREATE UNIQUE INDEX IF NOT EXISTS {unique} ON {side} (\"value\")"
                : $"DROP INDEX IF EXISTS {unique}");
        }

        using var record = connection.CreateCommand();
        record.Transaction = transaction;
        record.CommandText =
            $"INSERT INTO {SqlIdentifier.Quote(SchemaTable)} (\"name\", \"definition\", \"updated_at\") "
            + "VALUES (@name, @definition, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) "
            + "ON CONFLICT (\"name\") DO UPDATE SET \"definition\" = excluded.\"definition\", \"updated_at\" = excluded.\"updated_at\" "
            + "WHERE \"definition\" <> excluded.\"definition\"";
        record.Parameters.AddWithValue("@name", name);
        record.Parameters.AddWithValue("@definition", collection.ToJson());
        record.ExecuteNonQuery();
    }

    private static HashSet<string> ExistingColumns(SqliteConnection connection, SqliteTransaction transaction, string table)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT \"name\" FROM pragma_table_info(@table)";
        command.Parameters.AddWithValue("@table", table);
        using var reader = command.ExecuteReader();
        var columns = new HashSet<string>(StringComparer.Ordinal);
        while (reader.Read())
        {
            columns.Add(reader.GetString(0));
        }

        return columns;
    }

    private static string ColumnType(IndexValueType type) => type switch
    {
        IndexValueType.Text => "TEXT",
        IndexValueType.WholeNumber or IndexValueType.Number => "INTEGER",
        _ => "BLOB",
    };

    private static void Execute(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static object? Scalar(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
