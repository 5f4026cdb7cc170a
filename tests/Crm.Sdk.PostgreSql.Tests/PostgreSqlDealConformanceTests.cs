using Crm.Sdk.Specification.Tests.Crm;

namespace Crm.Sdk.PostgreSql.Tests;

/// <summary>Enrolls PostgreSQL in the SDK-level deal conformance tests.</summary>
public sealed class PostgreSqlDealConformanceTests(PostgreSqlStoreFixture fixture) : DealConformanceTests<PostgreSqlStoreFixture>(fixture);
