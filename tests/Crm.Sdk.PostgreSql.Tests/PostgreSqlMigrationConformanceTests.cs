using Crm.Sdk.Specification.Tests.Crm;

namespace Crm.Sdk.PostgreSql.Tests;

/// <summary>Enrolls PostgreSQL in the migration conformance tests: an encrypted CRM copied from one PostgreSQL schema to another.</summary>
public sealed class PostgreSqlMigrationConformanceTests(PostgreSqlStoreFixture fixture) : MigrationConformanceTests<PostgreSqlStoreFixture>(fixture);
