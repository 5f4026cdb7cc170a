using Crm.Sdk.Specification.Tests.Crm;

namespace Crm.Sdk.Sqlite.Tests;

public sealed class SqliteCustomerConformanceTests(SqliteStoreFixture fixture) : CustomerConformanceTests<SqliteStoreFixture>(fixture);
