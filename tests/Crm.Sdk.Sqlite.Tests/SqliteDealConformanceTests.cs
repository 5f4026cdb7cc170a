using Crm.Sdk.Specification.Tests.Crm;

namespace Crm.Sdk.Sqlite.Tests;

public sealed class SqliteDealConformanceTests(SqliteStoreFixture fixture) : DealConformanceTests<SqliteStoreFixture>(fixture);
