using Crm.Sdk.Specification.Tests.Crm;

namespace Crm.Sdk.Sqlite.Tests;

public sealed class SqliteDisclosureConformanceTests(SqliteStoreFixture fixture) : DisclosureConformanceTests<SqliteStoreFixture>(fixture);
