using Crm.Sdk.Specification.Tests.Crm;

namespace Crm.Sdk.Sqlite.Tests;

/// <summary>Enrolls Sqlite in the duplicate detection and merge conformance tests (issue 13).</summary>
public sealed class SqliteDuplicateConformanceTests(SqliteStoreFixture fixture) : DuplicateConformanceTests<SqliteStoreFixture>(fixture);
