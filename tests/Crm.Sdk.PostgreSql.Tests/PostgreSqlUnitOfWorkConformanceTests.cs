using Crm.Sdk.Specification.Tests.Crm;

namespace Crm.Sdk.PostgreSql.Tests;

/// <summary>Enrolls PostgreSQL in the SDK-level unitofwork conformance tests.</summary>
public sealed class PostgreSqlUnitOfWorkConformanceTests(PostgreSqlStoreFixture fixture) : UnitOfWorkConformanceTests<PostgreSqlStoreFixture>(fixture);
