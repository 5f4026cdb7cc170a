using Xunit.Abstractions;
using Xunit.Sdk;

[assembly: Xunit.TestFramework("Crm.Sdk.PostgreSql.Tests.Framework.PostgreSqlTestFramework", "Crm.Sdk.PostgreSql.Tests")]

namespace Crm.Sdk.PostgreSql.Tests.Framework;

/// <summary>
/// xUnit's framework, except that without a PostgreSQL server (outside CI) every discovered test, including the
/// inherited conformance suite whose <c>[Fact]</c>s this project cannot change, is reported as skipped with the reason.
/// </summary>
public sealed class PostgreSqlTestFramework : XunitTestFramework
{
    /// <summary>Creates the framework.</summary>
    /// <param name="messageSink">xUnit's diagnostic sink.</param>
    public PostgreSqlTestFramework(IMessageSink messageSink)
        : base(messageSink)
    {
    }

    /// <inheritdoc />
    protected override ITestFrameworkDiscoverer CreateDiscoverer(IAssemblyInfo assemblyInfo) =>
        new SkippingDiscoverer(assemblyInfo, SourceInformationProvider, DiagnosticMessageSink);
}
