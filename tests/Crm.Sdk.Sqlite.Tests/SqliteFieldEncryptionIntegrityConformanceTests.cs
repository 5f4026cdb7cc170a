using Crm.Sdk.Specification.Tests.Crm;

namespace Crm.Sdk.Sqlite.Tests;

/// <summary>Enrolls Sqlite in the field-encryption integrity conformance tests (tampering through the provider on a real database).</summary>
public sealed class SqliteFieldEncryptionIntegrityConformanceTests(SqliteStoreFixture fixture) : FieldEncryptionIntegrityConformanceTests<SqliteStoreFixture>(fixture);
