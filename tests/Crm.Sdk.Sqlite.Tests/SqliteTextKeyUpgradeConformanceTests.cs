using Crm.Sdk.Specification.Tests.Crm;

namespace Crm.Sdk.Sqlite.Tests;

/// <summary>Enrolls Sqlite in the text-key upgrade conformance tests.</summary>
public sealed class SqliteTextKeyUpgradeConformanceTests(SqliteStoreFixture fixture) : TextKeyUpgradeConformanceTests<SqliteStoreFixture>(fixture);
