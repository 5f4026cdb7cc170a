using Crm.Sdk.Specification.Tests.Crm;

namespace Crm.Sdk.PostgreSql.Tests;

/// <summary>Enrolls PostgreSQL in the import and export conformance tests.</summary>
public sealed class PostgreSqlImportConformanceTests(PostgreSqlStoreFixture fixture) : ImportConformanceTests<PostgreSqlStoreFixture>(fixture);
