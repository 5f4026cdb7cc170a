using Crm.Sdk.Specification.Tests.Crm;

namespace Crm.Sdk.Sqlite.Tests;

/// <summary>Enrolls Sqlite in the audit trail conformance tests (tampering through the provider on a real database file).</summary>
public sealed class SqliteAuditTrailConformanceTests(SqliteStoreFixture fixture) : AuditTrailConformanceTests<SqliteStoreFixture>(fixture);
