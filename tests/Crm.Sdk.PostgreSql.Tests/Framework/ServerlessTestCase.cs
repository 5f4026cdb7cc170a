using Xunit.Abstractions;
using Xunit.Sdk;

namespace Crm.Sdk.PostgreSql.Tests.Framework;

/// <summary>A test case that is skipped because no PostgreSQL server was given (see <see cref="PostgreSqlTestServer"/>).</summary>
public sealed class ServerlessTestCase : XunitTestCase
{
    /// <summary>For the deserializer.</summary>
    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes")]
    public ServerlessTestCase()
    {
    }

    /// <summary>Wraps a discovered test.</summary>
    /// <param name="diagnosticMessageSink">xUnit's diagnostic sink.</param>
    /// <param name="defaultMethodDisplay">How to display the test.</param>
    /// <param name="defaultMethodDisplayOptions">How to display the test.</param>
    /// <param name="testMethod">The test method.</param>
    /// <param name="testMethodArguments">Its arguments (theory rows), or <see langword="null"/>.</param>
    public ServerlessTestCase(
        IMessageSink diagnosticMessageSink,
        TestMethodDisplay defaultMethodDisplay,
        TestMethodDisplayOptions defaultMethodDisplayOptions,
        ITestMethod testMethod,
        object[]? testMethodArguments)
        : base(diagnosticMessageSink, defaultMethodDisplay, defaultMethodDisplayOptions, testMethod, testMethodArguments)
    {
    }

    /// <inheritdoc />
    protected override string GetSkipReason(IAttributeInfo factAttribute) =>
        PostgreSqlTestServer.SkipReason ?? base.GetSkipReason(factAttribute);
}
