using Crm.Sdk.Specification.Tests.Crm;

namespace Crm.Sdk.PostgreSql.Tests;

/// <summary>Enrolls PostgreSql in the subject access export conformance tests.</summary>
public sealed class PostgreSqlSubjectExportConformanceTests(PostgreSqlStoreFixture fixture) : SubjectExportConformanceTests<PostgreSqlStoreFixture>(fixture);
