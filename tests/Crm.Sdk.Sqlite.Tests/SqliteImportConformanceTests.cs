using Crm.Sdk.Specification.Tests.Crm;

namespace Crm.Sdk.Sqlite.Tests;

/// <summary>Enrolls SQLite in the import and export conformance tests.</summary>
public sealed class SqliteImportConformanceTests(SqliteStoreFixture fixture) : ImportConformanceTests<SqliteStoreFixture>(fixture);
