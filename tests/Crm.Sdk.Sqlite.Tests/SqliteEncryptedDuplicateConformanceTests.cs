using Crm.Sdk.Specification.Tests.Crm;

namespace Crm.Sdk.Sqlite.Tests;

/// <summary>Enrolls Sqlite in the duplicate detection and merge conformance tests with field encryption on (issue 13).</summary>
public sealed class SqliteEncryptedDuplicateConformanceTests(SqliteStoreFixture fixture) : EncryptedDuplicateConformanceTests<SqliteStoreFixture>(fixture);
