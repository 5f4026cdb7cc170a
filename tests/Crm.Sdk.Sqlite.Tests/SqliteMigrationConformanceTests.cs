using Crm.Sdk.Specification.Tests.Crm;

namespace Crm.Sdk.Sqlite.Tests;

/// <summary>Enrolls SQLite in the migration conformance tests: an encrypted CRM copied from one SQLite file to another.</summary>
public sealed class SqliteMigrationConformanceTests(SqliteStoreFixture fixture) : MigrationConformanceTests<SqliteStoreFixture>(fixture);
