using Crm.Sdk.Specification.Tests.Crm;

namespace Crm.Sdk.Sqlite.Tests;

/// <summary>Enrolls Sqlite in the phone upgrade conformance tests.</summary>
public sealed class SqlitePhoneUpgradeConformanceTests(SqliteStoreFixture fixture) : PhoneUpgradeConformanceTests<SqliteStoreFixture>(fixture);
