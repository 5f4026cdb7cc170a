using Crm.Sdk.Specification.Tests.Crm;

namespace Crm.Sdk.Sqlite.Tests;

/// <summary>Enrolls Sqlite in the subject access export conformance tests with access control and the audit trail.</summary>
public sealed class SqliteSubjectExportAccessConformanceTests(SqliteStoreFixture fixture) : SubjectExportAccessConformanceTests<SqliteStoreFixture>(fixture);
