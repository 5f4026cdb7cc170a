using Crm.Sdk.Specification.Tests.Crm;

namespace Crm.Sdk.Sqlite.Tests;

public sealed class SqliteAccessControlConformanceTests(SqliteStoreFixture fixture) : AccessControlConformanceTests<SqliteStoreFixture>(fixture);
