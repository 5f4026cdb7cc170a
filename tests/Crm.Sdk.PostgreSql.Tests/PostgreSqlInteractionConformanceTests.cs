using Crm.Sdk.Specification.Tests.Crm;

namespace Crm.Sdk.PostgreSql.Tests;

/// <summary>Enrolls PostgreSQL in the SDK-level interaction conformance tests.</summary>
public sealed class PostgreSqlInteractionConformanceTests(PostgreSqlStoreFixture fixture) : InteractionConformanceTests<PostgreSqlStoreFixture>(fixture);
