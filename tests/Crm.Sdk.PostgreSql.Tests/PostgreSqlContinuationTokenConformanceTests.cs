using Crm.Sdk.Specification.Tests.Crm;

namespace Crm.Sdk.PostgreSql.Tests;

/// <summary>Enrolls PostgreSQL in the SDK-level continuation token conformance tests.</summary>
public sealed class PostgreSqlContinuationTokenConformanceTests(PostgreSqlStoreFixture fixture) : ContinuationTokenConformanceTests<PostgreSqlStoreFixture>(fixture);
