using Crm.Sdk.Specification.Tests.Crm;

namespace Crm.Sdk.Sqlite.Tests;

/// <summary>Enrolls Sqlite in the subject access export conformance tests with field encryption on.</summary>
public sealed class SqliteSubjectExportEncryptedConformanceTests(SqliteStoreFixture fixture) : SubjectExportEncryptedConformanceTests<SqliteStoreFixture>(fixture);
