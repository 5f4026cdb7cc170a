using Crm.Sdk.Specification.Tests.Crm;

namespace Crm.Sdk.PostgreSql.Tests;

/// <summary>Enrolls PostgreSQL with field encryption on in the import and export conformance tests.</summary>
public sealed class PostgreSqlEncryptedImportConformanceTests(PostgreSqlStoreFixture fixture) : ImportConformanceTests<PostgreSqlStoreFixture>(fixture)
{
    /// <inheritdoc />
    protected override bool Encrypted => true;
}
