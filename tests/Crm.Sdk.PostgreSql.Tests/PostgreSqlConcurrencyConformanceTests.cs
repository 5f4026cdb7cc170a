using Crm.Sdk.Specification.Tests.Crm;

namespace Crm.Sdk.PostgreSql.Tests;

/// <summary>Enrolls PostgreSQL in the SDK-level concurrency conformance tests.</summary>
public sealed class PostgreSqlConcurrencyConformanceTests(PostgreSqlStoreFixture fixture) : ConcurrencyConformanceTests<PostgreSqlStoreFixture>(fixture);
