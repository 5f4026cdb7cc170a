using Crm.Sdk.Specification.Tests.Crm;

namespace Crm.Sdk.PostgreSql.Tests;

/// <summary>
/// Enrolls PostgreSQL in the import and export conformance tests, with field encryption on: the real data sets take
/// minutes, so PostgreSQL runs them once, encrypted (SQLite runs them in clear).
/// </summary>
public sealed class PostgreSqlEncryptedImportConformanceTests(PostgreSqlStoreFixture fixture) : ImportConformanceTests<PostgreSqlStoreFixture>(fixture)
{
    /// <inheritdoc />
    protected override bool Encrypted => true;
}
