using System.Globalization;
using Crm.Sdk.PostgreSql.Sql;
using Crm.Sdk.ProviderKit;
using Crm.Sdk.Relational;
using Npgsql;
using NpgsqlTypes;

namespace Crm.Sdk.PostgreSql.Schema;

/// <summary>
/// Creates and upgrades the tables of a schema. Upgrades are additive: new collections, new index columns (existing rows
/// hold NULL until rewritten), new indexes. Runs in one transaction under a transaction-scoped advisory lock keyed by the
/// schema name, so several application instances starting at once take turns; every statement is idempotent.
/// </summary>
internal static class SchemaMigrator
{
    /// <summary>The layout version of this provider, kept in <c>crm_format</c>.</summary>
    public const int FormatVersion = 1;

    public const string SchemaTable = "crm_schema";

    public const string FormatTable = "crm_format";

    private const string ProviderKey = "Crm.Sdk.PostgreSql";

    /// <summary>Rejects schemas this provider cannot lay out (names that collide with its own tables and columns).</summary>
    public static void Validate(StoreSchema schema) => SchemaRules.Validate(schema, PostgreSqlDialect.Instance, SchemaTable, FormatTable);

    /// <summary>Brings the database schema up to <paramref name="schema"/>; returns the definitions the database now holds.</summary>
    public static async Task<IReadOnlyList<CollectionDefinition>> ApplyAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string schemaName, StoreSchema schema, int commandTimeout, CancellationToken cancellationToken)
    {
        var quotedSchema = SqlIdentifier.Quote(schemaName);
        using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", connection, transaction))
        {
            lockCommand.CommandTimeout = commandTimeout;
            lockCommand.Parameters.Add(new NpgsqlParameter { Value = ProviderKey + ":" + schemaName, NpgsqlDbType = NpgsqlDbType.Text });
            await lockCommand.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await ExecuteAsync(connection, transaction, commandTimeout, cancellationToken,
            $"CREATE SCHEMA IF NOT EXISTS {quotedSchema}",
            $"CREATE TABLE IF NOT EXISTS {quotedSchema}.{SqlIdentifier.Quote(FormatTable)} (\"provider\" text PRIMARY KEY, \"format_version\" integer NOT NULL, \"updated_at\" timestamptz NOT NULL DEFAULT now())",
            $"CREATE TABLE IF NOT EXISTS {quotedSchema}.{SqlIdentifier.Quote(SchemaTable)} (\"name\" text PRIMARY KEY, \"definition\" jsonb NOT NULL, \"updated_at\" timestamptz NOT NULL DEFAULT now())").ConfigureAwait(false);

        var format = await ScalarAsync(connection, transaction, commandTimeout,
            $"SELECT \"format_version\" FROM {quotedSchema}.{SqlIdentifier.Quote(FormatTable)} WHERE \"provider\" = 'postgresql'", cancellationToken).ConfigureAwait(false);
        if (format is int stored && stored > FormatVersion)
        {
            throw new CrmStorageException(
                $"The schema '{schemaName}' was written by a newer Crm.Sdk.PostgreSql (layout version {stored}; this one knows up to {FormatVersion}). Upgrade the package.",
                null);
        }

        var previous = (await ReadDefinitionsAsync(connection, transaction, schemaName, commandTimeout, cancellationToken).ConfigureAwait(false))
            .ToDictionary(c => c.Name, StringComparer.Ordinal);
        foreach (var collection in schema.Collections)
        {
            var old = previous.GetValueOrDefault(collection.Name);
            if (old is not null)
            {
                SchemaRules.CheckCompatible(old, collection);
            }

            var merged = CollectionDefinition.Merge(old, collection);
            if (old is not null && string.Equals(merged.ToJson(), old.ToJson(), StringComparison.Ordinal))
            {
                // Recorded as it is wanted: its tables and indexes were created with that record. No DDL, so no lock on
                // the collection's tables: a CREATE INDEX IF NOT EXISTS takes a SHARE lock even when the index exists,
                // and would deadlock with other processes committing to the same tables while this one starts.
                continue;
            }

            await ExecuteAsync(connection, transaction, commandTimeout, cancellationToken, CollectionDdl(schemaName, collection).ToArray()).ConfigureAwait(false);
            using var record = new NpgsqlCommand(
                $"INSERT INTO {quotedSchema}.{SqlIdentifier.Quote(SchemaTable)} (\"name\", \"definition\", \"updated_at\") VALUES ($1, $2::jsonb, now()) "
                + "ON CONFLICT (\"name\") DO UPDATE SET \"definition\" = excluded.\"definition\", \"updated_at\" = excluded.\"updated_at\" "
                + $"WHERE {SqlIdentifier.Quote(SchemaTable)}.\"definition\" <> excluded.\"definition\"",
                connection,
                transaction);
            record.CommandTimeout = commandTimeout;
            record.Parameters.Add(new NpgsqlParameter { Value = collection.Name, NpgsqlDbType = NpgsqlDbType.Text });
            record.Parameters.Add(new NpgsqlParameter { Value = merged.ToJson(), NpgsqlDbType = NpgsqlDbType.Text });
            await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            previous[collection.Name] = merged;
        }

        await ExecuteAsync(connection, transaction, commandTimeout, cancellationToken,
            $"INSERT INTO {quotedSchema}.{SqlIdentifier.Quote(FormatTable)} (\"provider\", \"format_version\") VALUES ('postgresql', {FormatVersion.ToString(CultureInfo.InvariantCulture)}) "
            + $"ON CONFLICT (\"provider\") DO UPDATE SET \"format_version\" = excluded.\"format_version\", \"updated_at\" = now() WHERE {SqlIdentifier.Quote(FormatTable)}.\"format_version\" <> excluded.\"format_version\"").ConfigureAwait(false);
        return previous.Values.ToArray();
    }

    /// <summary>Reads the collection definitions recorded in the schema; empty when it has none (or does not exist).</summary>
    public static async Task<IReadOnlyList<CollectionDefinition>> ReadDefinitionsAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, string schemaName, int commandTimeout, CancellationToken cancellationToken)
    {
        using var exists = new NpgsqlCommand("SELECT to_regclass($1) IS NOT NULL", connection, transaction);
        exists.CommandTimeout = commandTimeout;
        exists.Parameters.Add(new NpgsqlParameter { Value = SqlIdentifier.Quote(schemaName) + "." + SqlIdentifier.Quote(SchemaTable), NpgsqlDbType = NpgsqlDbType.Text });
        if (!(bool)(await exists.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!)
        {
            return [];
        }

        using var command = new NpgsqlCommand(
            $"SELECT \"definition\"::text FROM {SqlIdentifier.Quote(schemaName)}.{SqlIdentifier.Quote(SchemaTable)} ORDER BY \"name\"", connection, transaction);
        command.CommandTimeout = commandTimeout;
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var result = new List<CollectionDefinition>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            result.Add(CollectionDefinition.FromJson(reader.GetString(0)));
        }

        return result;
    }

    private static IEnumerable<string> CollectionDdl(string schemaName, CollectionDefinition collection)
    {
        var model = new CollectionModel(schemaName, collection);
        var table = model.Table;
        var columns = model.Columns.Select(i => $", {SqlIdentifier.Quote(i.Name)} {IndexValueCodec.ColumnType(i.Type)}");
        yield return $"CREATE TABLE IF NOT EXISTS {table} (\"id\" uuid NOT NULL, \"version\" bigint NOT NULL, \"body\" json NOT NULL"
            + string.Concat(columns)
            + $", CONSTRAINT {SqlIdentifier.Quote(model.PrimaryKeyName)} PRIMARY KEY (\"id\"))";

        foreach (var index in model.Columns)
        {
            yield return $"ALTER TABLE {table} ADD COLUMN IF NOT EXISTS {SqlIdentifier.Quote(index.Name)} {IndexValueCodec.ColumnType(index.Type)}";
        }

        foreach (var index in model.Columns)
        {
            var column = SqlIdentifier.Quote(index.Name);
            var unique = SqlIdentifier.Quote(model.UniqueIndexName(index));
            var plain = SqlIdentifier.Quote(model.PlainIndexName(index));
            var schema = SqlIdentifier.Quote(schemaName);
            if (index.IsUnique)
            {
                yield return $"DROP INDEX IF EXISTS {schema}.{plain}";
                yield return $"CREATE UNIQUE INDEX IF NOT EXISTS {unique} ON {table} ({column})";
            }
            else if (index.HasOwnIndex)
            {
                // The id makes "order by the index, then id" and keyset pages one index range scan.
                yield return $"DROP INDEX IF EXISTS {schema}.{unique}";
                yield return $"CREATE INDEX IF NOT EXISTS {plain} ON {table} ({column}, \"id\")";
            }
            else
            {
                // Declared without a B-tree of its own (a composite or the table serves it): one less B-tree per write.
                yield return $"DROP INDEX IF EXISTS {schema}.{unique}";
                yield return $"DROP INDEX IF EXISTS {schema}.{plain}";
            }
        }

        foreach (var composite in collection.CompositeIndexes)
        {
            var name = SqlIdentifier.Quote(PostgreSqlDialect.Instance.Name($"cx_{collection.Name}_{string.Join("_", composite)}"));
            yield return $"CREATE INDEX IF NOT EXISTS {name} ON {table} ({string.Join(", ", composite.Select(SqlIdentifier.Quote))}, \"id\")";
        }

        foreach (var index in model.MultiValued)
        {
            var sideName = model.SideTableName(index);
            var side = model.SideTable(index);
            yield return $"CREATE TABLE IF NOT EXISTS {side} (\"value\" text COLLATE \"C\" NOT NULL, \"id\" uuid NOT NULL, "
                + $"CONSTRAINT {SqlIdentifier.Quote(PostgreSqlDialect.Instance.Name($"{sideName}_pkey"))} PRIMARY KEY (\"value\", \"id\"))";
            yield return $"CREATE INDEX IF NOT EXISTS {SqlIdentifier.Quote(PostgreSqlDialect.Instance.Name($"ix_{sideName}_id"))} ON {side} (\"id\")";
            var unique = SqlIdentifier.Quote(model.UniqueIndexName(index));
            yield return index.IsUnique
                ? $"CREATE UNIQUE INDEX IF NOT EXISTS {unique} ON {side} (\"value\")"
                : $"DROP INDEX IF EXISTS {SqlIdentifier.Quote(schemaName)}.{unique}";
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, int commandTimeout, CancellationToken cancellationToken, params string[] statements)
    {
        using var batch = new NpgsqlBatch(connection, transaction) { Timeout = commandTimeout };
        foreach (var statement in statements)
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand(statement));
        }

        await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task<object?> ScalarAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, int commandTimeout, string sql, CancellationToken cancellationToken)
    {
        using var command = new NpgsqlCommand(sql, connection, transaction) { CommandTimeout = commandTimeout };
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
    }
}
