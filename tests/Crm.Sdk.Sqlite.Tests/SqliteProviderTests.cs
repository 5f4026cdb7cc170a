using Crm.Sdk.ProviderKit;
using Crm.Sdk.Specification.Tests.Storage;
using Crm.Sdk.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit;

namespace Crm.Sdk.Sqlite.Tests;

/// <summary>What only the SQLite provider promises: its file, its layout, its registration and its errors.</summary>
/// <param name="fixture">The SQLite fixture.</param>
public sealed class SqliteProviderTests(SqliteStoreFixture fixture) : IClassFixture<SqliteStoreFixture>
{
    private static CancellationToken None => CancellationToken.None;

    /// <summary>The database file is in WAL mode once the schema is ensured.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task The_database_file_is_in_WAL_mode()
    {
        var path = fixture.PathOf(fixture.NewDatabaseName());
        using (var store = new SqliteDocumentStore(path))
        {
            await store.EnsureSchemaAsync(ConformanceSchema.Initial, None);
        }

        Assert.Equal("wal", Scalar(path, "PRAGMA journal_mode"));
    }

    /// <summary>
    /// Every connection a store uses has its settings, also when the pool hands a connection out again and when another
    /// store on the same file, sharing the pool, uses other settings.
    /// </summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Pooled_connections_always_carry_the_store_settings()
    {
        var path = fixture.PathOf(fixture.NewDatabaseName());
        using var full = new SqliteDocumentStore(path, new SqliteStoreOptions { BusyTimeout = TimeSpan.FromSeconds(7) });
        using var normal = new SqliteDocumentStore(path, new SqliteStoreOptions { Synchronous = SqliteSynchronousMode.Normal, BusyTimeout = TimeSpan.FromSeconds(3) });
        await full.EnsureSchemaAsync(ConformanceSchema.Initial, None);

        for (var round = 0; round < 3; round++)
        {
            Assert.Equal("2", await full.ReadPragmaAsync("synchronous", None));
            Assert.Equal("7000", await full.ReadPragmaAsync("busy_timeout", None));
            Assert.Equal("1", await full.ReadPragmaAsync("secure_delete", None));
            Assert.Equal("1", await normal.ReadPragmaAsync("synchronous", None));
            Assert.Equal("3000", await normal.ReadPragmaAsync("busy_timeout", None));
            Assert.Equal("1", await normal.ReadPragmaAsync("secure_delete", None));
        }
    }

    /// <summary>The schema is recorded per collection in crm_schema, and the layout version in user_version.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task The_schema_is_recorded_in_crm_schema_and_user_version()
    {
        var path = fixture.PathOf(fixture.NewDatabaseName());
        using (var store = new SqliteDocumentStore(path))
        {
            await store.EnsureSchemaAsync(ConformanceSchema.Upgraded, None);
        }

        Assert.Equal(1L, Scalar(path, "PRAGMA user_version"));
        Assert.Equal(2L, Scalar(path, "SELECT count(*) FROM crm_schema"));
        var definition = (string)Scalar(path, "SELECT definition FROM crm_schema WHERE name = 'things'")!;
        Assert.Contains("\"score\"", definition, StringComparison.Ordinal);
        Assert.Contains("\"emails\"", definition, StringComparison.Ordinal);
        Assert.Matches(@"^\d{4}-\d\d-\d\dT", (string)Scalar(path, "SELECT updated_at FROM crm_schema WHERE name = 'notes'")!);
    }

    /// <summary>Index values live in typed columns: Number scaled by 10^4 as an integer, Uuid as 16 big-endian bytes.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Index_values_live_in_typed_columns()
    {
        var path = fixture.PathOf(fixture.NewDatabaseName());
        var owner = Guid.Parse("01234567-89ab-cdef-0123-456789abcdef");
        using (var store = new SqliteDocumentStore(path))
        {
            await store.EnsureSchemaAsync(ConformanceSchema.Initial, None);
            await store.CommitAsync([(Thing.New() with { Amount = 1.5m, Owner = owner, Tags = ["a", "b"] }).Insert()], None);
        }

        Assert.Equal(15_000L, Scalar(path, "SELECT amount FROM things"));
        Assert.Equal("integer", Scalar(path, "SELECT typeof(amount) FROM things"));
        Assert.Equal("0123456789ABCDEF0123456789ABCDEF", Scalar(path, "SELECT hex(owner) FROM things"));
        Assert.Equal(2L, Scalar(path, "SELECT count(*) FROM things__tags"));
    }

    /// <summary>A new store over the same file, with every pooled connection closed, sees what was committed.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task A_new_store_after_all_pools_are_cleared_sees_committed_data()
    {
        var path = fixture.PathOf(fixture.NewDatabaseName());
        var thing = Thing.New() with { Name = "durable" };
        using (var first = new SqliteDocumentStore(path))
        {
            await first.EnsureSchemaAsync(ConformanceSchema.Initial, None);
            await first.CommitAsync([thing.Insert()], None);
        }

        SqliteConnection.ClearAllPools();

        // No EnsureSchemaAsync: the store reads the schema the database records.
        using var second = new SqliteDocumentStore($"Data Source={path};Pooling=False");
        Assert.Equal(thing.Body, (await second.GetAsync(ConformanceSchema.Things, thing.Id, None))!.Body);
        Assert.Equal(1, await second.CountAsync(ConformanceSchema.Things, IndexFilter.Equal("name", "durable"), None));
    }

    /// <summary>
    /// The store keeps its connections open between calls (with their statements prepared), and Dispose closes every one:
    /// while the store is open, a lone connection cannot take the file out of WAL mode (SQLite refuses while another
    /// connection is open); after Dispose it can.
    /// </summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Dispose_closes_the_connections_the_store_keeps_open()
    {
        var path = fixture.PathOf(fixture.NewDatabaseName());
        var thing = Thing.New() with { Name = "kept" };
        using (var store = new SqliteDocumentStore($"Data Source={path};Pooling=False"))
        {
            await store.EnsureSchemaAsync(ConformanceSchema.Initial, None);
            await store.CommitAsync([thing.Insert()], None);
            Assert.NotNull(await store.GetAsync(ConformanceSchema.Things, thing.Id, None));
            Assert.Equal(1, await store.CountAsync(ConformanceSchema.Things, IndexFilter.Equal("name", "kept"), None));
            var locked = Assert.Throws<SqliteException>(() => LeaveWalMode(path));
            Assert.Equal(SQLitePCL.raw.SQLITE_BUSY, locked.SqliteErrorCode);
        }

        Assert.Equal("delete", LeaveWalMode(path));
    }

    /// <summary>
    /// Statements kept prepared on the store's connections follow a schema upgrade made by the same store: reads and
    /// writes after it see the new index.
    /// </summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Kept_statements_follow_a_schema_upgrade()
    {
        var path = fixture.PathOf(fixture.NewDatabaseName());
        using var store = new SqliteDocumentStore(path);
        await store.EnsureSchemaAsync(ConformanceSchema.Initial, None);
        var before = Thing.New() with { Name = "before" };
        await store.CommitAsync([before.Insert()], None);
        Assert.Equal(1, await store.CountAsync(ConformanceSchema.Things, null, None));

        await store.EnsureSchemaAsync(ConformanceSchema.Upgraded, None);
        var after = Thing.New() with { Name = "after" };
        await store.CommitAsync([DocumentWrite.Insert(ConformanceSchema.Things, after.Id, after.Body, after.Indexes(ConformanceSchema.UpgradedThings).Set("score", 7L))], None);

        Assert.Equal(2, await store.CountAsync(ConformanceSchema.Things, null, None));
        Assert.Equal(after.Body, (await store.GetAsync(ConformanceSchema.Things, after.Id, None))!.Body);
        Assert.Equal(1, await store.CountAsync(ConformanceSchema.Things, IndexFilter.Equal("score", 7L), None));
    }

    /// <summary>UseSqlite takes a file path or a connection string and plugs the provider.</summary>
    /// <param name="connectionStringOrPath">The argument.</param>
    [Theory]
    [InlineData("crm.db")]
    [InlineData("Data Source=crm.db")]
    [InlineData("Data Source=crm.db;Cache=Shared;Pooling=True")]
    public void UseSqlite_takes_a_path_or_a_connection_string(string connectionStringOrPath)
    {
        var services = new ServiceCollection();

        services.AddCrm().UseSqlite(connectionStringOrPath, o => o.Synchronous = SqliteSynchronousMode.Normal);

        using var provider = services.BuildServiceProvider();
        Assert.Equal("SQLite", provider.GetRequiredService<IOptions<CrmOptions>>().Value.StorageProviderName);
        using var store = new SqliteDocumentStore(connectionStringOrPath);
        Assert.Equal("crm.db", store.DataSource);
    }

    /// <summary>UseSqlite rejects a null builder, an empty path, an unreadable connection string and bad options.</summary>
    [Fact]
    public void UseSqlite_guards_its_arguments()
    {
        var builder = new ServiceCollection().AddCrm();

        Assert.Throws<ArgumentNullException>(() => ((CrmBuilder)null!).UseSqlite("crm.db"));
        Assert.ThrowsAny<ArgumentException>(() => builder.UseSqlite(null!));
        Assert.ThrowsAny<ArgumentException>(() => builder.UseSqlite(""));
        Assert.ThrowsAny<ArgumentException>(() => builder.UseSqlite("   "));
        Assert.ThrowsAny<ArgumentException>(() => builder.UseSqlite("Colour=blue"));
        Assert.ThrowsAny<ArgumentException>(() => builder.UseSqlite("Cache=Shared"));
        Assert.ThrowsAny<ArgumentException>(() => builder.UseSqlite("crm.db", o => o.BusyTimeout = TimeSpan.FromSeconds(-1)));
    }

    /// <summary>A file that is not a database fails as a storage error, not as a provider exception.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task A_corrupt_file_fails_with_CrmStorageException()
    {
        var path = fixture.PathOf(fixture.NewDatabaseName());
        await File.WriteAllBytesAsync(path, Enumerable.Range(0, 8192).Select(i => (byte)(i * 31 % 251)).ToArray());
        using var store = new SqliteDocumentStore(path);

        var error = await Assert.ThrowsAsync<CrmStorageException>(() => store.EnsureSchemaAsync(ConformanceSchema.Initial, None));

        Assert.IsType<SqliteException>(error.InnerException);
        Assert.False(error.IsTransient);
    }

    /// <summary>A directory in place of the database file fails as a storage error.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task A_directory_as_database_fails_with_CrmStorageException()
    {
        var path = Directory.CreateDirectory(fixture.PathOf(fixture.NewDatabaseName())).FullName;
        using var store = new SqliteDocumentStore(path);

        await Assert.ThrowsAsync<CrmStorageException>(() => store.EnsureSchemaAsync(ConformanceSchema.Initial, None));
    }

    /// <summary>A write blocked by another process's lock beyond the timeouts fails as a transient storage error.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task A_locked_database_fails_with_a_transient_CrmStorageException()
    {
        var path = fixture.PathOf(fixture.NewDatabaseName());
        using var store = new SqliteDocumentStore(path, new SqliteStoreOptions { BusyTimeout = TimeSpan.Zero, CommandTimeout = TimeSpan.FromSeconds(1) });
        await store.EnsureSchemaAsync(ConformanceSchema.Initial, None);
        using var other = new SqliteConnection($"Data Source={path};Pooling=False");
        other.Open();
        using var command = other.CreateCommand();
        command.CommandText = "BEGIN IMMEDIATE";
        command.ExecuteNonQuery();

        var error = await Assert.ThrowsAsync<CrmStorageException>(() => store.CommitAsync([Thing.New().Insert()], None));

        Assert.True(error.IsTransient);
        command.CommandText = "ROLLBACK";
        command.ExecuteNonQuery();
        await store.CommitAsync([Thing.New().Insert()], None);
    }

    /// <summary>A database written by a newer layout version is refused rather than damaged.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task A_database_of_a_newer_layout_version_is_refused()
    {
        var path = fixture.PathOf(fixture.NewDatabaseName());
        Scalar(path, "PRAGMA user_version = 99");
        using var store = new SqliteDocumentStore(path);

        var error = await Assert.ThrowsAsync<CrmStorageException>(() => store.EnsureSchemaAsync(ConformanceSchema.Initial, None));

        Assert.Contains("newer", error.Message, StringComparison.Ordinal);
    }

    /// <summary>An index that changes type is a configuration error; names the layout reserves are argument errors.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Incompatible_schemas_are_refused()
    {
        var path = fixture.PathOf(fixture.NewDatabaseName());
        using var store = new SqliteDocumentStore(path);
        await store.EnsureSchemaAsync(ConformanceSchema.Initial, None);
        var retyped = new StoreSchema([new CollectionDefinition(ConformanceSchema.Things, [new IndexDefinition("rank", IndexValueType.Text)])]);
        var reserved = new StoreSchema([new CollectionDefinition("others", [new IndexDefinition("version", IndexValueType.WholeNumber)])]);

        await Assert.ThrowsAsync<CrmConfigurationException>(() => store.EnsureSchemaAsync(retyped, None));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => store.EnsureSchemaAsync(reserved, None));
    }

    /// <summary>Numbers the index cannot hold exactly are argument errors, and nothing is written.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Numbers_beyond_four_decimal_places_or_1e14_are_refused()
    {
        using var store = new SqliteDocumentStore(fixture.PathOf(fixture.NewDatabaseName()));
        await store.EnsureSchemaAsync(ConformanceSchema.Initial, None);

        await Assert.ThrowsAnyAsync<ArgumentException>(() => store.CommitAsync([(Thing.New() with { Amount = 0.00001m }).Insert()], None));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => store.CommitAsync([(Thing.New() with { Amount = 100_000_000_000_000m }).Insert()], None));

        Assert.Equal(0, await store.CountAsync(ConformanceSchema.Things, null, None));
    }

    // Needs the only open connection to the file; fails fast (one second) when there is another.
    private static string? LeaveWalMode(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False;Default Timeout=1");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode = DELETE";
        return (string?)command.ExecuteScalar();
    }

    private static object? Scalar(string path, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
