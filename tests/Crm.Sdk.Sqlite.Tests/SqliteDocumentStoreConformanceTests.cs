using Crm.Sdk.Specification.Tests.Storage;
using Xunit;

namespace Crm.Sdk.Sqlite.Tests;

/// <summary>The SQLite provider passes the whole storage conformance suite, with no opt-out.</summary>
/// <param name="fixture">The SQLite fixture.</param>
public sealed class SqliteDocumentStoreConformanceTests(SqliteStoreFixture fixture)
    : DocumentStoreConformanceTests<SqliteStoreFixture>(fixture), IClassFixture<SqliteStoreFixture>;
