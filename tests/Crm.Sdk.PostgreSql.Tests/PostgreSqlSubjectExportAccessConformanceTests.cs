using Crm.Sdk.Specification.Tests.Crm;

namespace Crm.Sdk.PostgreSql.Tests;

/// <summary>Enrolls PostgreSql in the subject access export conformance tests with access control and the audit trail.</summary>
public sealed class PostgreSqlSubjectExportAccessConformanceTests(PostgreSqlStoreFixture fixture) : SubjectExportAccessConformanceTests<PostgreSqlStoreFixture>(fixture);
