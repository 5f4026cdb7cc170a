using Crm.Sdk.Specification.Tests.Crm;

namespace Crm.Sdk.Sqlite.Tests;

public sealed class SqliteErrorContractConformanceTests(SqliteStoreFixture fixture) : ErrorContractConformanceTests<SqliteStoreFixture>(fixture);
