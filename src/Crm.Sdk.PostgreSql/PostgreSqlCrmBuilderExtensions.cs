using Crm.Sdk.ProviderKit;
using Crm.Sdk.PostgreSql;
using Npgsql;

// Builder extensions live in the namespace of the builder they extend, so that `AddCrm().UseXxx(...)` needs only
// `using Crm.Sdk;` (as EF Core's UseSqlite lives in Microsoft.EntityFrameworkCore). The one exception to IDE0130.
#pragma warning disable IDE0130
namespace Crm.Sdk;
#pragma warning restore IDE0130

/// <summary>Plugs the PostgreSQL storage provider into Crm.Sdk.</summary>
public static class PostgreSqlCrmBuilderExtensions
{
    /// <summary>
    /// Stores Crm.Sdk's data in a PostgreSQL database, in the schema <see cref="PostgreSqlStoreOptions.Schema"/>
    /// (created and upgraded automatically). The provider owns a pooled data source built from the connection string and
    /// disposes it with the store. A later <c>UseXxx</c> call replaces this one.
    /// </summary>
    /// <param name="builder">The builder returned by <c>AddCrm</c>.</param>
    /// <param name="connectionString">An Npgsql connection string, for example <c>Host=db;Database=erp;Username=crm;Password=…</c>.</param>
    /// <param name="configure">Sets <see cref="PostgreSqlStoreOptions"/>, or <see langword="null"/> for the defaults.</param>
    /// <returns>The builder, to chain more calls.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    /// <exception cref="ArgumentException">The connection string is null, empty or invalid, or an option is invalid.</exception>
    public static CrmBuilder UsePostgreSql(this CrmBuilder builder, string connectionString, Action<PostgreSqlStoreOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var options = Configure(configure);

        // Fail at registration, not at first use, when the connection string cannot be read.
        _ = PostgreSqlDocumentStore.ParseConnectionString(connectionString);
        return builder.UseStorage("PostgreSQL", _ => new PostgreSqlDocumentStore(connectionString, options));
    }

    /// <summary>
    /// Stores Crm.Sdk's data in the PostgreSQL database of a data source the host built and owns (for example one shared
    /// with its own data access). The provider never disposes it. A later <c>UseXxx</c> call replaces this one.
    /// </summary>
    /// <param name="builder">The builder returned by <c>AddCrm</c>.</param>
    /// <param name="dataSource">The host's data source.</param>
    /// <param name="configure">Sets <see cref="PostgreSqlStoreOptions"/>, or <see langword="null"/> for the defaults.</param>
    /// <returns>The builder, to chain more calls.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="dataSource"/> is null.</exception>
    /// <exception cref="ArgumentException">An option is invalid.</exception>
    public static CrmBuilder UsePostgreSql(this CrmBuilder builder, NpgsqlDataSource dataSource, Action<PostgreSqlStoreOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(dataSource);
        var options = Configure(configure);
        return builder.UseStorage("PostgreSQL", _ => new PostgreSqlDocumentStore(dataSource, options));
    }

    private static PostgreSqlStoreOptions Configure(Action<PostgreSqlStoreOptions>? configure)
    {
        var options = new PostgreSqlStoreOptions();
        configure?.Invoke(options);
        options.Validate();
        return options;
    }
}
