using Crm.Sdk.ProviderKit;
using Crm.Sdk.Specification.Tests.Crm;
using Crm.Sdk.Sqlite;
using Crm.Sdk.Storage;
using Microsoft.Data.Sqlite;
using Xunit;

namespace Crm.Sdk.PostgreSql.Tests;

/// <summary>
/// The move the migration exists for: an encrypted CRM in a real SQLite file copied into a PostgreSQL schema with
/// <c>CrmStoreMigration.CopyAsync</c>, then read through the same <see cref="ICrm"/> API over PostgreSQL with the same root key.
/// </summary>
public sealed class SqliteToPostgreSqlMigrationTests(PostgreSqlStoreFixture fixture) : MigrationConformanceTests<PostgreSqlStoreFixture>(fixture)
{
    private readonly string _directory = Directory.CreateTempSubdirectory("crm-sqlite-to-pg-").FullName;

    private string SqlitePath => Path.Combine(_directory, "crm.db");

    /// <summary>The raw jsonb bodies in PostgreSQL hold no plaintext email, checked with SQL rather than through the store.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public async Task Raw_postgresql_rows_hold_no_plaintext_email_but_the_copied_blind_indexes()
    {
        var seeded = await SeedSourceAsync();
        await MigrateAsync();

        var plaintext = await Fixture.ScalarAsync($"SELECT count(*) FROM \"{TargetDatabase}\".\"customers\" WHERE \"body\"::text ILIKE '%example.com%'");
        Assert.Equal(0L, plaintext);
        var withBody = await Fixture.ScalarAsync($"SELECT count(*) FROM \"{TargetDatabase}\".\"customers\"");
        Assert.Equal((long)seeded.Customers.Count, withBody);
        var blindIndexRows = await Fixture.ScalarAsync($"SELECT count(*) FROM \"{TargetDatabase}\".\"customers__emails\"");
        Assert.Equal((long)seeded.Customers.Count, blindIndexRows);
    }

    /// <inheritdoc />
    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still open elsewhere; the temporary directory is cleaned by the system.
        }
    }

    /// <inheritdoc />
    protected override void UseSource(CrmBuilder builder) => builder.UseSqlite(SqlitePath);

    /// <inheritdoc />
    protected override Task<IDocumentStore> OpenSourceStoreAsync() => Task.FromResult<IDocumentStore>(new SqliteDocumentStore(SqlitePath));

    /// <inheritdoc />
    protected override ValueTask ReleaseSourceStoreAsync(IDocumentStore store) => ((SqliteDocumentStore)store).DisposeAsync();
}
