using Crm.Sdk.Specification.Tests.Crm;

namespace Crm.Sdk.PostgreSql.Tests;

/// <summary>Enrolls PostgreSql in the duplicate detection and merge conformance tests with field encryption on (issue 13).</summary>
public sealed class PostgreSqlEncryptedDuplicateConformanceTests(PostgreSqlStoreFixture fixture) : EncryptedDuplicateConformanceTests<PostgreSqlStoreFixture>(fixture);
