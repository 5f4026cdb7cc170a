using Crm.Sdk.Specification.Tests.Crm;

namespace Crm.Sdk.PostgreSql.Tests;

/// <summary>Enrolls PostgreSql in the field-encryption integrity conformance tests (tampering through the provider on a real database).</summary>
public sealed class PostgreSqlFieldEncryptionIntegrityConformanceTests(PostgreSqlStoreFixture fixture) : FieldEncryptionIntegrityConformanceTests<PostgreSqlStoreFixture>(fixture);
