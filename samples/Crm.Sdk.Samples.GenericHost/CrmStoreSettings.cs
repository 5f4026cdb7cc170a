namespace Crm.Sdk.Samples.GenericHost;

/// <summary>Where a CRM is stored, as read from configuration (the <c>Crm</c> section, or <c>Crm:MigrateFrom</c>).</summary>
internal sealed class CrmStoreSettings
{
    public const string Sqlite = "Sqlite";

    public const string PostgreSql = "PostgreSql";

    /// <summary><see cref="Sqlite"/> or <see cref="PostgreSql"/> (case-insensitive).</summary>
    public string? Provider { get; set; }

    /// <summary>A SQLite file or connection string, or an Npgsql connection string.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The PostgreSQL schema; <see langword="null"/> for the provider's default.</summary>
    public string? Schema { get; set; }

    public bool IsSqlite => string.Equals(Provider, Sqlite, StringComparison.OrdinalIgnoreCase);

    public bool IsPostgreSql => string.Equals(Provider, PostgreSql, StringComparison.OrdinalIgnoreCase);

    /// <summary>What is wrong with these settings, for a clear failure at host start.</summary>
    public IEnumerable<string> Problems(string section)
    {
        if (!IsSqlite && !IsPostgreSql)
        {
            yield return $"{section}:Provider is '{Provider}': set it to {Sqlite} or {PostgreSql} (appsettings.json or the environment variable {section.Replace(":", "__", StringComparison.Ordinal)}__Provider).";
        }

        if (string.IsNullOrWhiteSpace(ConnectionString))
        {
            yield return $"{section}:ConnectionString is missing: a SQLite file (\"Data Source=crm.db\") or an Npgsql connection string.";
        }
    }
}
