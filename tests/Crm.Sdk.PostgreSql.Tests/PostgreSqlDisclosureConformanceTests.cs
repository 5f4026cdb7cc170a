using Crm.Sdk.Specification.Tests.Crm;

namespace Crm.Sdk.PostgreSql.Tests;

/// <summary>Enrolls PostgreSQL in the SDK-level disclosure (masking and read audit) conformance tests.</summary>
public sealed class PostgreSqlDisclosureConformanceTests(PostgreSqlStoreFixture fixture) : DisclosureConformanceTests<PostgreSqlStoreFixture>(fixture);
