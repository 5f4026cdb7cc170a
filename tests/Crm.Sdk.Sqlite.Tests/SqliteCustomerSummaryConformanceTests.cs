using Crm.Sdk.Specification.Tests.Crm;

namespace Crm.Sdk.Sqlite.Tests;

public sealed class SqliteCustomerSummaryConformanceTests(SqliteStoreFixture fixture) : CustomerSummaryConformanceTests<SqliteStoreFixture>(fixture);
