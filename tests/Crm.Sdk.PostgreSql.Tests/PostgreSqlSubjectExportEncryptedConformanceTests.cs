using Crm.Sdk.Specification.Tests.Crm;

namespace Crm.Sdk.PostgreSql.Tests;

/// <summary>Enrolls PostgreSql in the subject access export conformance tests with field encryption on.</summary>
public sealed class PostgreSqlSubjectExportEncryptedConformanceTests(PostgreSqlStoreFixture fixture) : SubjectExportEncryptedConformanceTests<PostgreSqlStoreFixture>(fixture);
