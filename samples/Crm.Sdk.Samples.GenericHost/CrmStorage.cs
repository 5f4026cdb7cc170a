using Crm.Sdk.PostgreSql;
using Crm.Sdk.ProviderKit;
using Crm.Sdk.Sqlite;

namespace Crm.Sdk.Samples.GenericHost;

/// <summary>Turns <see cref="CrmStoreSettings"/> into a provider: plugged into AddCrm, or opened as a store for a migration.</summary>
internal static class CrmStorage
{
    // <use-provider>
    /// <summary>Plugs the configured provider; an unknown provider plugs none, so AddCrm's validation stops the host at start.</summary>
    public static CrmBuilder UseConfiguredProvider(this CrmBuilder builder, CrmStoreSettings settings)
    {
        if (settings.IsSqlite && !string.IsNullOrWhiteSpace(settings.ConnectionString))
        {
            return builder.UseSqlite(settings.ConnectionString);
        }

        if (settings.IsPostgreSql && !string.IsNullOrWhiteSpace(settings.ConnectionString))
        {
            return builder.UsePostgreSql(settings.ConnectionString, o => o.Schema = settings.Schema ?? o.Schema);
        }

        return builder;
    }
    // </use-provider>

    // <open-store>
    /// <summary>Opens a store directly, outside dependency injection: what a migration copies from and into.</summary>
    public static IDocumentStore Open(CrmStoreSettings settings) =>
        settings.IsPostgreSql
            ? new PostgreSqlDocumentStore(settings.ConnectionString!, new PostgreSqlStoreOptions { Schema = settings.Schema ?? PostgreSqlStoreOptions.DefaultSchema })
            : new SqliteDocumentStore(settings.ConnectionString!);
    // </open-store>

    public static string Describe(CrmStoreSettings settings) =>
        settings.IsPostgreSql ? $"PostgreSQL, schema '{settings.Schema ?? PostgreSqlStoreOptions.DefaultSchema}'" : $"SQLite, {settings.ConnectionString}";
}
