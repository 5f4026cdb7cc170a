using Crm.Sdk.Specification.Tests.Storage;
using Xunit;

namespace Crm.Sdk.PostgreSql.Tests;

/// <summary>The PostgreSQL provider passes the whole storage conformance suite, with no opt-out.</summary>
/// <param name="fixture">The PostgreSQL fixture.</param>
public sealed class PostgreSqlDocumentStoreConformanceTests(PostgreSqlStoreFixture fixture)
    : DocumentStoreConformanceTests<PostgreSqlStoreFixture>(fixture), IClassFixture<PostgreSqlStoreFixture>;
