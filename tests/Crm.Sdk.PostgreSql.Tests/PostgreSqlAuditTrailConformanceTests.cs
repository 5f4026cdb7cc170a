using Crm.Sdk.Specification.Tests.Crm;

namespace Crm.Sdk.PostgreSql.Tests;

/// <summary>Enrolls PostgreSql in the audit trail conformance tests (tampering through the provider on a real database).</summary>
public sealed class PostgreSqlAuditTrailConformanceTests(PostgreSqlStoreFixture fixture) : AuditTrailConformanceTests<PostgreSqlStoreFixture>(fixture);
