using Crm.Sdk.Specification.Tests.Crm;

namespace Crm.Sdk.Sqlite.Tests;

/// <summary>Enrolls Sqlite in the subject access export conformance tests.</summary>
public sealed class SqliteSubjectExportConformanceTests(SqliteStoreFixture fixture) : SubjectExportConformanceTests<SqliteStoreFixture>(fixture);
