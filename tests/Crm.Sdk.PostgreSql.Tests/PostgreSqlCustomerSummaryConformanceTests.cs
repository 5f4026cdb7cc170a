using Crm.Sdk.Specification.Tests.Crm;

namespace Crm.Sdk.PostgreSql.Tests;

/// <summary>Enrolls PostgreSQL in the SDK-level customersummary conformance tests.</summary>
public sealed class PostgreSqlCustomerSummaryConformanceTests(PostgreSqlStoreFixture fixture) : CustomerSummaryConformanceTests<PostgreSqlStoreFixture>(fixture);
