using Crm.Sdk.Specification.Tests.Crm;

namespace Crm.Sdk.Sqlite.Tests;

public sealed class SqliteUnitOfWorkConformanceTests(SqliteStoreFixture fixture) : UnitOfWorkConformanceTests<SqliteStoreFixture>(fixture);
