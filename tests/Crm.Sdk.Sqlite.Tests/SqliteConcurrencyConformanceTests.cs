using Crm.Sdk.Specification.Tests.Crm;

namespace Crm.Sdk.Sqlite.Tests;

public sealed class SqliteConcurrencyConformanceTests(SqliteStoreFixture fixture) : ConcurrencyConformanceTests<SqliteStoreFixture>(fixture);
