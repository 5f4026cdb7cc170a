using Crm.Sdk.Specification.Tests.Crm;

namespace Crm.Sdk.PostgreSql.Tests;

/// <summary>Enrolls PostgreSql in the phone upgrade conformance tests.</summary>
public sealed class PostgreSqlPhoneUpgradeConformanceTests(PostgreSqlStoreFixture fixture) : PhoneUpgradeConformanceTests<PostgreSqlStoreFixture>(fixture);
