using Crm.Sdk.Specification.Tests.Crm;

namespace Crm.Sdk.Sqlite.Tests;

public sealed class SqliteTicketConformanceTests(SqliteStoreFixture fixture) : TicketConformanceTests<SqliteStoreFixture>(fixture);
