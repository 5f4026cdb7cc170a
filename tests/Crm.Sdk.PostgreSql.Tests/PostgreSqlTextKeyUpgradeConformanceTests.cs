using Crm.Sdk.Specification.Tests.Crm;

namespace Crm.Sdk.PostgreSql.Tests;

/// <summary>Enrolls PostgreSql in the text-key upgrade conformance tests.</summary>
public sealed class PostgreSqlTextKeyUpgradeConformanceTests(PostgreSqlStoreFixture fixture) : TextKeyUpgradeConformanceTests<PostgreSqlStoreFixture>(fixture);
