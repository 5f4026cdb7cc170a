using Crm.Sdk.Specification.Tests.Crm;

namespace Crm.Sdk.PostgreSql.Tests;

/// <summary>Enrolls PostgreSQL in the SDK-level access control conformance tests.</summary>
public sealed class PostgreSqlAccessControlConformanceTests(PostgreSqlStoreFixture fixture) : AccessControlConformanceTests<PostgreSqlStoreFixture>(fixture);
