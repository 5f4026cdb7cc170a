using Xunit.Abstractions;
using Xunit.Sdk;

namespace Crm.Sdk.PostgreSql.Tests.Framework;

/// <summary>Discovers tests as xUnit does and, when there is no server to test against, turns each into a skipped one.</summary>
internal sealed class SkippingDiscoverer(IAssemblyInfo assemblyInfo, ISourceInformationProvider sourceProvider, IMessageSink diagnosticMessageSink)
    : XunitTestFrameworkDiscoverer(assemblyInfo, sourceProvider, diagnosticMessageSink)
{
    protected override bool FindTestsForMethod(ITestMethod testMethod, bool includeSourceInformation, IMessageBus messageBus, ITestFrameworkDiscoveryOptions discoveryOptions) =>
        PostgreSqlTestServer.SkipReason is null
            ? base.FindTestsForMethod(testMethod, includeSourceInformation, messageBus, discoveryOptions)
            : base.FindTestsForMethod(testMethod, includeSourceInformation, new SkippingBus(messageBus, DiagnosticMessageSink, discoveryOptions), discoveryOptions);

    /// <summary>Passes discovery messages on, with each runnable xUnit test case replaced by a skipped one.</summary>
    private sealed class SkippingBus(IMessageBus inner, IMessageSink diagnosticMessageSink, ITestFrameworkDiscoveryOptions options) : IMessageBus
    {
        public bool QueueMessage(IMessageSinkMessage message)
        {
            if (message is ITestCaseDiscoveryMessage { TestCase: XunitTestCase testCase } && string.IsNullOrEmpty(testCase.SkipReason))
            {
                message = new TestCaseDiscoveryMessage(new ServerlessTestCase(
                    diagnosticMessageSink,
                    options.MethodDisplayOrDefault(),
                    options.MethodDisplayOptionsOrDefault(),
                    testCase.TestMethod,
                    testCase.TestMethodArguments));
            }

            return inner.QueueMessage(message);
        }

        public void Dispose()
        {
            // The inner bus belongs to xUnit.
        }
    }
}
