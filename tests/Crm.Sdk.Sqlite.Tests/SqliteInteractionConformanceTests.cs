using Crm.Sdk.Specification.Tests.Crm;

namespace Crm.Sdk.Sqlite.Tests;

public sealed class SqliteInteractionConformanceTests(SqliteStoreFixture fixture) : InteractionConformanceTests<SqliteStoreFixture>(fixture);
