using Crm.Sdk.Specification.Tests.Crm;

namespace Crm.Sdk.PostgreSql.Tests;

/// <summary>Enrolls PostgreSQL in the SDK-level ticket conformance tests.</summary>
public sealed class PostgreSqlTicketConformanceTests(PostgreSqlStoreFixture fixture) : TicketConformanceTests<PostgreSqlStoreFixture>(fixture);
