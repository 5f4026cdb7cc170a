using Crm.Sdk.Specification.Tests.Crm;

namespace Crm.Sdk.Sqlite.Tests;

public sealed class SqliteContinuationTokenConformanceTests(SqliteStoreFixture fixture) : ContinuationTokenConformanceTests<SqliteStoreFixture>(fixture);
