using Crm.Sdk.Specification.Tests.Crm;

namespace Crm.Sdk.Sqlite.Tests;

/// <summary>Enrolls Sqlite in the audit trail conformance tests with access control on.</summary>
public sealed class SqliteAuditTrailAccessControlConformanceTests(SqliteStoreFixture fixture) : AuditTrailAccessControlConformanceTests<SqliteStoreFixture>(fixture);
