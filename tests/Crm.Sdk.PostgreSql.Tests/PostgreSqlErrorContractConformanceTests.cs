using Crm.Sdk.Specification.Tests.Crm;

namespace Crm.Sdk.PostgreSql.Tests;

/// <summary>Enrolls PostgreSQL in the error-contract conformance tests.</summary>
public sealed class PostgreSqlErrorContractConformanceTests(PostgreSqlStoreFixture fixture) : ErrorContractConformanceTests<PostgreSqlStoreFixture>(fixture);
