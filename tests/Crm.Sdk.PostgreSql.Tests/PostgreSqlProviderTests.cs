using Crm.Sdk.ProviderKit;
using Crm.Sdk.Specification.Tests.Storage;
using Crm.Sdk.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;
using Xunit;

namespace Crm.Sdk.PostgreSql.Tests;

/// <summary>What only the PostgreSQL provider promises: its schema option, its layout, its data source and its errors.</summary>
/// <param name="fixture">The PostgreSQL fixture.</param>
public sealed class PostgreSqlProviderTests(PostgreSqlStoreFixture fixture) : IClassFixture<PostgreSqlStoreFixture>
{
    private static CancellationToken None => CancellationToken.None;

    /// <summary>Four stores ensuring the schema of one new PostgreSQL schema at once take turns and all succeed.</summary>
    /// <returns>The test.</returns>
    [PostgreSqlFact]
    public async Task Four_instances_ensuring_the_schema_at_once_all_succeed()
    {
        var schema = fixture.Track(fixture.NewDatabaseName("race"));
        var stores = Enumerable.Range(0, 4).Select(_ => NewStore(schema)).ToArray();

        await Task.WhenAll(stores.Select(s => Task.Run(() => s.EnsureSchemaAsync(ConformanceSchema.Upgraded, None))));

        Assert.Equal(2L, await fixture.ScalarAsync($"SELECT count(*) FROM \"{schema}\".crm_schema"));
        Assert.Equal(1, await fixture.ScalarAsync($"SELECT format_version FROM \"{schema}\".crm_format WHERE provider = 'postgresql'"));
        await stores[0].CommitAsync([Thing.New().Insert()], None);
        Assert.Equal(1, await stores[3].CountAsync(ConformanceSchema.Things, null, None));
    }

    /// <summary>Two CRMs in one database, each in its own schema, do not see each other's documents.</summary>
    /// <returns>The test.</returns>
    [PostgreSqlFact]
    public async Task Stores_in_different_schemas_of_one_database_are_isolated()
    {
        var left = NewStore(fixture.Track(fixture.NewDatabaseName("left")));
        var right = NewStore(fixture.Track(fixture.NewDatabaseName("right")));
        await left.EnsureSchemaAsync(ConformanceSchema.Initial, None);
        await right.EnsureSchemaAsync(ConformanceSchema.Initial, None);
        var thing = Thing.New() with { Code = "same" };

        await left.CommitAsync([thing.Insert()], None);
        await right.CommitAsync([(thing with { Id = Guid.NewGuid() }).Insert()], None);

        Assert.Equal(1, await left.CountAsync(ConformanceSchema.Things, null, None));
        Assert.Equal(1, await right.CountAsync(ConformanceSchema.Things, IndexFilter.Equal("code", "same"), None));
        Assert.Null(await right.GetAsync(ConformanceSchema.Things, thing.Id, None));
    }

    /// <summary>Index values live in typed columns: ordinal text, bigint, numeric(18,4), uuid; multi-valued ones in side tables.</summary>
    /// <returns>The test.</returns>
    [PostgreSqlFact]
    public async Task Index_values_live_in_typed_columns_and_side_tables()
    {
        var schema = fixture.Track(fixture.NewDatabaseName("layout"));
        var store = NewStore(schema);
        await store.EnsureSchemaAsync(ConformanceSchema.Upgraded, None);
        await store.CommitAsync([(Thing.New() with { Amount = 1.5m, Tags = ["a", "b"] }).Insert()], None);

        async Task<string?> TypeOf(string column) => (string?)await fixture.ScalarAsync(
            "SELECT format_type(a.atttypid, a.atttypmod) || coalesce(' ' || c.collname, '') FROM pg_attribute a "
            + "LEFT JOIN pg_collation c ON c.oid = a.attcollation AND a.attcollation <> 0 "
            + "WHERE a.attrelid = to_regclass($1) AND a.attname = $2",
            $"\"{schema}\".things",
            column);

        Assert.Equal("text C", await TypeOf("name"));
        Assert.Equal("numeric(18,4)", await TypeOf("amount"));
        Assert.Equal("bigint", await TypeOf("rank"));
        Assert.Equal("uuid", await TypeOf("owner"));
        Assert.Equal("bigint", await TypeOf("score"));
        Assert.Equal(1.5m, await fixture.ScalarAsync($"SELECT amount FROM \"{schema}\".things"));
        Assert.Equal(2L, await fixture.ScalarAsync($"SELECT count(*) FROM \"{schema}\".things__tags"));
        Assert.Equal(true, await fixture.ScalarAsync(
            "SELECT indisunique FROM pg_index WHERE indexrelid = to_regclass($1)", $"\"{schema}\".ux_things_code"));
        Assert.Contains("\"score\"", (string)(await fixture.ScalarAsync($"SELECT definition::text FROM \"{schema}\".crm_schema WHERE name = 'things'"))!, StringComparison.Ordinal);
    }

    /// <summary>Collection and index names at their longest still give distinct, working tables and indexes.</summary>
    /// <returns>The test.</returns>
    [PostgreSqlFact]
    public async Task Longest_names_are_shortened_without_collisions()
    {
        var collection = "c" + new string('x', 47);
        var first = "i" + new string('y', 46) + "1";
        var second = "i" + new string('y', 46) + "2";
        var schema = new StoreSchema([new CollectionDefinition(collection, [
            new IndexDefinition(first, IndexValueType.Text, isMultiValued: true, isUnique: true),
            new IndexDefinition(second, IndexValueType.Text, isMultiValued: true),
        ])]);
        var store = NewStore(fixture.Track(fixture.NewDatabaseName("long")));
        await store.EnsureSchemaAsync(schema, None);
        var id = Guid.NewGuid();

        await store.CommitAsync([DocumentWrite.Insert(collection, id, "{}", new IndexValues(schema.Collections[0]).SetMany(first, ["a"]).SetMany(second, ["b"]))], None);
        var duplicate = await Assert.ThrowsAsync<DuplicateKeyException>(() => store.CommitAsync(
            [DocumentWrite.Insert(collection, Guid.NewGuid(), "{}", new IndexValues(schema.Collections[0]).SetMany(first, ["a"]))], None));

        Assert.Equal(first, duplicate.Key);
        Assert.Equal(1, await store.CountAsync(collection, IndexFilter.Equal(second, "b"), None));
        Assert.Equal(0, await store.CountAsync(collection, IndexFilter.Equal(second, "a"), None));
    }

    /// <summary>A store over the host's data source leaves it open when disposed, directly or with the service provider.</summary>
    /// <returns>The test.</returns>
    [PostgreSqlFact]
    public async Task A_data_source_passed_by_the_host_is_not_disposed()
    {
        await using var dataSource = NpgsqlDataSource.Create(PostgreSqlStoreFixture.ConnectionString);
        var schema = fixture.Track(fixture.NewDatabaseName("host"));
        var store = new PostgreSqlDocumentStore(dataSource, new PostgreSqlStoreOptions { Schema = schema });
        await store.EnsureSchemaAsync(ConformanceSchema.Initial, None);
        await store.DisposeAsync();

        var services = new ServiceCollection();
        services.AddCrm().UsePostgreSql(dataSource, o => o.Schema = schema);
        await using (var provider = services.BuildServiceProvider())
        {
            Assert.Equal("PostgreSQL", provider.GetRequiredService<IOptions<CrmOptions>>().Value.StorageProviderName);
            Assert.NotNull(provider.GetRequiredService<ICrm>());
        }

        await using var connection = await dataSource.OpenConnectionAsync();
        Assert.Equal(System.Data.ConnectionState.Open, connection.State);
    }

    /// <summary>A store built from a connection string owns its data source: once disposed it refuses calls.</summary>
    /// <returns>The test.</returns>
    [PostgreSqlFact]
    public async Task A_store_built_from_a_connection_string_disposes_its_data_source()
    {
        var store = new PostgreSqlDocumentStore(PostgreSqlStoreFixture.ConnectionString, new PostgreSqlStoreOptions { Schema = fixture.Track(fixture.NewDatabaseName("owned")) });
        await store.EnsureSchemaAsync(ConformanceSchema.Initial, None);

        store.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.CountAsync(ConformanceSchema.Things, null, None));
    }

    /// <summary>A connection killed by the server surfaces as a transient storage error; the next call works again.</summary>
    /// <returns>The test.</returns>
    [PostgreSqlFact]
    public async Task A_terminated_connection_is_a_transient_storage_error()
    {
        var application = "crm-terminate-" + Guid.NewGuid().ToString("N")[..8];
        var builder = new NpgsqlDataSourceBuilder(PostgreSqlStoreFixture.ConnectionString);
        builder.ConnectionStringBuilder.ApplicationName = application;
        builder.ConnectionStringBuilder.MaxPoolSize = 1;
        await using var dataSource = builder.Build();
        var store = new PostgreSqlDocumentStore(dataSource, new PostgreSqlStoreOptions { Schema = fixture.Track(fixture.NewDatabaseName("kill")) });
        await store.EnsureSchemaAsync(ConformanceSchema.Initial, None);

        var pid = (int)(await fixture.ScalarAsync("SELECT pid FROM pg_stat_activity WHERE application_name = $1", application))!;
        var terminated = await fixture.ScalarAsync("SELECT pg_terminate_backend($1, 10000)", pid);
        var error = await Assert.ThrowsAsync<CrmStorageException>(() => store.CountAsync(ConformanceSchema.Things, null, None));

        Assert.Equal(true, terminated);
        Assert.True(error.IsTransient);
        Assert.IsAssignableFrom<NpgsqlException>(error.InnerException);
        Assert.Equal(0, await store.CountAsync(ConformanceSchema.Things, null, None));
    }

    /// <summary>A failure that a retry cannot fix (a table dropped behind the store's back) is a non-transient storage error.</summary>
    /// <returns>The test.</returns>
    [PostgreSqlFact]
    public async Task A_missing_table_is_a_non_transient_storage_error_and_writes_nothing()
    {
        var schema = fixture.Track(fixture.NewDatabaseName("dropped"));
        var store = NewStore(schema);
        await store.EnsureSchemaAsync(ConformanceSchema.Upgraded, None);
        await fixture.ScalarAsync($"DROP TABLE \"{schema}\".notes");
        var thing = Thing.New();

        var error = await Assert.ThrowsAsync<CrmStorageException>(() => store.CommitAsync(
            [thing.Insert(), DocumentWrite.Insert(ConformanceSchema.Notes, Guid.NewGuid(), "{}", new IndexValues(ConformanceSchema.UpgradedNotes))], None));

        Assert.False(error.IsTransient);
        Assert.Equal("42P01", Assert.IsType<PostgresException>(error.InnerException).SqlState);
        Assert.Null(await store.GetAsync(ConformanceSchema.Things, thing.Id, None));
    }

    /// <summary>A unique violation names the index and value and keeps PostgreSQL's error inside.</summary>
    /// <returns>The test.</returns>
    [PostgreSqlFact]
    public async Task A_unique_violation_keeps_the_PostgreSQL_error_inside()
    {
        var store = NewStore(fixture.Track(fixture.NewDatabaseName("unique")));
        await store.EnsureSchemaAsync(ConformanceSchema.Initial, None);
        await store.CommitAsync([(Thing.New() with { Code = "K-1" }).Insert()], None);
        var existing = Thing.New() with { Code = "K-2" };
        await store.CommitAsync([existing.Insert()], None);

        var error = await Assert.ThrowsAsync<DuplicateKeyException>(() => store.CommitAsync([(existing with { Code = "K-1" }).Update(1)], None));

        Assert.Equal(("code", "K-1"), (error.Key, error.Value));
        Assert.Equal("23505", Assert.IsType<PostgresException>(error.InnerException).SqlState);
        Assert.Contains("K-2", (await store.GetAsync(ConformanceSchema.Things, existing.Id, None))!.Body, StringComparison.Ordinal);
    }

    /// <summary>A schema written by a newer provider layout is refused with a clear error.</summary>
    /// <returns>The test.</returns>
    [PostgreSqlFact]
    public async Task A_schema_from_a_newer_layout_is_refused()
    {
        var schema = fixture.Track(fixture.NewDatabaseName("newer"));
        await NewStore(schema).EnsureSchemaAsync(ConformanceSchema.Initial, None);
        await fixture.ScalarAsync($"UPDATE \"{schema}\".crm_format SET format_version = 99");

        var error = await Assert.ThrowsAsync<CrmStorageException>(() => NewStore(schema).EnsureSchemaAsync(ConformanceSchema.Initial, None));

        Assert.Contains("newer", error.Message, StringComparison.Ordinal);
    }

    /// <summary>An index cannot change its type: ensuring such a schema is a configuration error.</summary>
    /// <returns>The test.</returns>
    [PostgreSqlFact]
    public async Task An_index_that_changes_its_type_is_a_configuration_error()
    {
        var schema = fixture.Track(fixture.NewDatabaseName("retype"));
        await NewStore(schema).EnsureSchemaAsync(ConformanceSchema.Initial, None);
        var changed = new StoreSchema([new CollectionDefinition(ConformanceSchema.Things, [new IndexDefinition("rank", IndexValueType.Text)])]);

        await Assert.ThrowsAsync<CrmConfigurationException>(() => NewStore(schema).EnsureSchemaAsync(changed, None));
    }

    /// <summary>UsePostgreSql rejects a null builder or data source, an empty or unreadable connection string and bad options.</summary>
    [PostgreSqlFact]
    public void UsePostgreSql_guards_its_arguments()
    {
        var builder = new ServiceCollection().AddCrm();

        Assert.Throws<ArgumentNullException>(() => ((CrmBuilder)null!).UsePostgreSql("Host=localhost"));
        Assert.Throws<ArgumentNullException>(() => builder.UsePostgreSql((NpgsqlDataSource)null!));
        Assert.ThrowsAny<ArgumentException>(() => builder.UsePostgreSql((string)null!));
        Assert.ThrowsAny<ArgumentException>(() => builder.UsePostgreSql("  "));
        Assert.ThrowsAny<ArgumentException>(() => builder.UsePostgreSql("Nonsense=1"));
        Assert.ThrowsAny<ArgumentException>(() => builder.UsePostgreSql("Host=localhost", o => o.Schema = "Bad-Name"));
        Assert.ThrowsAny<ArgumentException>(() => builder.UsePostgreSql("Host=localhost", o => o.Schema = "pg_catalog"));
        Assert.ThrowsAny<ArgumentException>(() => builder.UsePostgreSql("Host=localhost", o => o.CommandTimeout = TimeSpan.FromSeconds(-1)));
    }

    private PostgreSqlDocumentStore NewStore(string schema) =>
        new(fixture.DataSource, new PostgreSqlStoreOptions { Schema = schema });
}
