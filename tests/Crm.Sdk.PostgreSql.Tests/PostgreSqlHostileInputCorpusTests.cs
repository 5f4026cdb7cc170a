using Crm.Sdk.Specification.Tests.Crm;
using Xunit.Abstractions;

namespace Crm.Sdk.PostgreSql.Tests;

/// <summary>Enrolls PostgreSQL in the hostile-input corpus (with and without field encryption).</summary>
public sealed class PostgreSqlHostileInputCorpusTests(PostgreSqlStoreFixture fixture, ITestOutputHelper output) : HostileInputCorpusTests<PostgreSqlStoreFixture>(fixture, output);
