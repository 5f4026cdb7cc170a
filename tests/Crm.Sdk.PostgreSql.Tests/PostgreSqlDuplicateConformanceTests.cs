using Crm.Sdk.Specification.Tests.Crm;

namespace Crm.Sdk.PostgreSql.Tests;

/// <summary>Enrolls PostgreSql in the duplicate detection and merge conformance tests (issue 13).</summary>
public sealed class PostgreSqlDuplicateConformanceTests(PostgreSqlStoreFixture fixture) : DuplicateConformanceTests<PostgreSqlStoreFixture>(fixture);
