using System.Collections.Concurrent;
using Crm.Sdk.ProviderKit;
using Crm.Sdk.Specification.Tests.Storage;
using Crm.Sdk.Storage;
using Npgsql;

namespace Crm.Sdk.PostgreSql.Tests;

/// <summary>
/// Enrolls the PostgreSQL provider in the conformance suite: each database name becomes its own PostgreSQL schema in the
/// test database (<see cref="PostgreSqlTestServer"/>), dropped with the fixture. Stores share the fixture's pooled data source.
/// </summary>
public sealed class PostgreSqlStoreFixture : StoreFixture
{
    private readonly ConcurrentDictionary<string, byte> _schemas = new(StringComparer.Ordinal);
    private readonly Lazy<NpgsqlDataSource> _dataSource = new(() => NpgsqlDataSource.Create(PostgreSqlTestServer.RequireConnectionString()));

    /// <inheritdoc />
    public override string ProviderName => "PostgreSQL";

    /// <summary>The connection string of the test database.</summary>
    public static string ConnectionString => PostgreSqlTestServer.RequireConnectionString();

    /// <summary>The data source the fixture's stores share (the fixture owns it).</summary>
    public NpgsqlDataSource DataSource => _dataSource.Value;

    /// <summary>Remembers a schema to drop with the fixture.</summary>
    /// <param name="schema">The schema name.</param>
    /// <returns>The same name.</returns>
    public string Track(string schema)
    {
        _schemas.TryAdd(schema, 0);
        return schema;
    }

    /// <inheritdoc />
    public override async Task<IDocumentStore> CreateStoreAsync(string databaseName)
    {
        await using var command = DataSource.CreateCommand("SELECT count(*) FROM pg_namespace WHERE nspname = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = databaseName });
        if ((long)(await command.ExecuteScalarAsync())! != 0)
        {
            throw new InvalidOperationException($"Database (schema) '{databaseName}' exists already.");
        }

        return new PostgreSqlDocumentStore(DataSource, new PostgreSqlStoreOptions { Schema = Track(databaseName) });
    }

    /// <inheritdoc />
    public override Task<IDocumentStore> ReopenStoreAsync(string databaseName) =>
        Task.FromResult<IDocumentStore>(new PostgreSqlDocumentStore(DataSource, new PostgreSqlStoreOptions { Schema = Track(databaseName) }));

    /// <inheritdoc />
    public override void UseProvider(CrmBuilder builder, string databaseName) =>
        builder.UsePostgreSql(ConnectionString, o => o.Schema = Track(databaseName));

    /// <summary>Runs a scalar query against the test database.</summary>
    /// <param name="sql">The SQL.</param>
    /// <param name="parameters">Positional parameter values ($1, $2, …).</param>
    /// <returns>The value.</returns>
    public async Task<object?> ScalarAsync(string sql, params object[] parameters)
    {
        await using var command = DataSource.CreateCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        var value = await command.ExecuteScalarAsync();
        return value is DBNull ? null : value;
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing && _dataSource.IsValueCreated)
        {
            foreach (var schema in _schemas.Keys)
            {
                using var command = _dataSource.Value.CreateCommand($"DROP SCHEMA IF EXISTS \"{schema}\" CASCADE");
                command.ExecuteNonQuery();
            }

            _dataSource.Value.Dispose();
        }

        base.Dispose(disposing);
    }
}
