using Crm.Sdk.ProviderKit;
using Crm.Sdk.Sqlite;

// Builder extensions live in the namespace of the builder they extend, so that `AddCrm().UseXxx(...)` needs only
// `using Crm.Sdk;` (as EF Core's UseSqlite lives in Microsoft.EntityFrameworkCore). The one exception to IDE0130.
#pragma warning disable IDE0130
namespace Crm.Sdk;
#pragma warning restore IDE0130

/// <summary>Plugs the SQLite storage provider into Crm.Sdk.</summary>
public static class SqliteCrmBuilderExtensions
{
    /// <summary>
    /// Stores Crm.Sdk's data in a SQLite database file (created when missing, in WAL mode, schema created and upgraded
    /// automatically). A later <c>UseXxx</c> call replaces this one.
    /// </summary>
    /// <param name="builder">The builder returned by <c>AddCrm</c>.</param>
    /// <param name="connectionStringOrPath">
    /// A file path such as <c>crm.db</c>, or a connection string such as <c>Data Source=crm.db;Cache=Shared</c>
    /// (text containing <c>=</c> is read as a connection string).
    /// </param>
    /// <param name="configure">Sets <see cref="SqliteStoreOptions"/>, or <see langword="null"/> for the defaults.</param>
    /// <returns>The builder, to chain more calls.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    /// <exception cref="ArgumentException">The path or connection string is null, empty or invalid, or an option is out of range.</exception>
    public static CrmBuilder UseSqlite(this CrmBuilder builder, string connectionStringOrPath, Action<SqliteStoreOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionStringOrPath);
        var options = new SqliteStoreOptions();
        configure?.Invoke(options);
        options.Validate();

        // Fail at registration, not at first use, when the connection string cannot be read.
        _ = SqliteDocumentStore.BuildConnectionString(connectionStringOrPath, options);
        return builder.UseStorage("SQLite", _ => new SqliteDocumentStore(connectionStringOrPath, options));
    }
}
