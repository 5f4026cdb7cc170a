using Crm.Sdk.Specification.Tests.Crm;
using Xunit.Abstractions;

namespace Crm.Sdk.Sqlite.Tests;

/// <summary>Enrolls SQLite in the hostile-input corpus (with and without field encryption).</summary>
public sealed class SqliteHostileInputCorpusTests(SqliteStoreFixture fixture, ITestOutputHelper output) : HostileInputCorpusTests<SqliteStoreFixture>(fixture, output);
