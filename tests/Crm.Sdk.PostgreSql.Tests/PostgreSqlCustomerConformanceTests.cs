using Crm.Sdk.Specification.Tests.Crm;

namespace Crm.Sdk.PostgreSql.Tests;

/// <summary>Enrolls PostgreSQL in the SDK-level customer conformance tests.</summary>
public sealed class PostgreSqlCustomerConformanceTests(PostgreSqlStoreFixture fixture) : CustomerConformanceTests<PostgreSqlStoreFixture>(fixture);
