using Crm.Sdk.Specification.Tests.Crm;

namespace Crm.Sdk.PostgreSql.Tests;

/// <summary>Enrolls PostgreSql in the audit trail conformance tests with access control on.</summary>
public sealed class PostgreSqlAuditTrailAccessControlConformanceTests(PostgreSqlStoreFixture fixture) : AuditTrailAccessControlConformanceTests<PostgreSqlStoreFixture>(fixture);
