namespace Crm.Sdk.PostgreSql;

/// <summary>Options of the PostgreSQL storage provider, set in <c>UsePostgreSql(connectionString, o =&gt; ...)</c>.</summary>
public sealed class PostgreSqlStoreOptions
{
    /// <summary>The default <see cref="Schema"/>.</summary>
    public const string DefaultSchema = "crm";

    /// <summary>
    /// The PostgreSQL schema that holds the CRM's tables; <c>crm</c> by default. Give each CRM its own schema to keep
    /// several in one database. A lower-case identifier: <c>[a-z][a-z0-9_]*</c>, at most 63 characters, not starting with <c>pg_</c>.
    /// </summary>
    public string Schema { get; set; } = DefaultSchema;

    /// <summary>How long one SQL command may run before it fails; 30 seconds by default.</summary>
    public TimeSpan CommandTimeout { get; set; } = TimeSpan.FromSeconds(30);

    internal void Validate()
    {
        if (Schema is null || !IsSchemaName(Schema))
        {
            throw new ArgumentException(
                $"The PostgreSQL schema name '{Schema}' must match [a-z][a-z0-9_]* (at most 63 characters) and must not start with 'pg_'.",
                nameof(Schema));
        }

        if (CommandTimeout < TimeSpan.Zero || CommandTimeout.TotalSeconds > int.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(CommandTimeout), CommandTimeout, "The command timeout must not be negative.");
        }
    }

    internal PostgreSqlStoreOptions Clone() => new() { Schema = Schema, CommandTimeout = CommandTimeout };

    private static bool IsSchemaName(string name) =>
        name.Length is > 0 and <= 63
        && char.IsAsciiLetterLower(name[0])
        && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_')
        && !name.StartsWith("pg_", StringComparison.Ordinal);
}
