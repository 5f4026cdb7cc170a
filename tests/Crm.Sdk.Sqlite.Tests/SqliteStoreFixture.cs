using Crm.Sdk.ProviderKit;
using Crm.Sdk.Specification.Tests.Storage;
using Crm.Sdk.Storage;
using Microsoft.Data.Sqlite;

namespace Crm.Sdk.Sqlite.Tests;

/// <summary>Enrolls the SQLite provider in the conformance suite: a database file per name in a temporary directory.</summary>
public sealed class SqliteStoreFixture : StoreFixture
{
    /// <summary>The temporary directory that holds the database files; deleted with the fixture.</summary>
    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("crm-sqlite-tests-").FullName;

    /// <inheritdoc />
    public override string ProviderName => "SQLite";

    /// <summary>The file of a database name.</summary>
    /// <param name="databaseName">The name.</param>
    /// <returns>The path.</returns>
    public string PathOf(string databaseName) => Path.Combine(Directory, databaseName + ".db");

    /// <inheritdoc />
    public override Task<IDocumentStore> CreateStoreAsync(string databaseName)
    {
        var path = PathOf(databaseName);
        if (File.Exists(path))
        {
            throw new InvalidOperationException($"Database '{databaseName}' exists already.");
        }

        return Task.FromResult<IDocumentStore>(new SqliteDocumentStore(path));
    }

    /// <inheritdoc />
    public override Task<IDocumentStore> ReopenStoreAsync(string databaseName) =>
        Task.FromResult<IDocumentStore>(new SqliteDocumentStore(PathOf(databaseName)));

    /// <inheritdoc />
    public override void UseProvider(CrmBuilder builder, string databaseName) => builder.UseSqlite(PathOf(databaseName));

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        SqliteConnection.ClearAllPools();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still open elsewhere; the temporary directory is cleaned by the system.
        }

        base.Dispose(disposing);
    }
}
