using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Crm.Sdk.Diagnostics;

/// <summary>
/// The names under which Crm.Sdk publishes traces and metrics. OpenTelemetry picks them up with
/// <c>AddSource(CrmDiagnostics.Name)</c> and <c>AddMeter(CrmDiagnostics.Name)</c>; no dependency is needed.
/// </summary>
public static class CrmDiagnostics
{
    /// <summary>The name of the <see cref="ActivitySource"/> and the <see cref="Meter"/>: <c>Crm.Sdk</c>.</summary>
    public const string Name = "Crm.Sdk";

    internal static ActivitySource ActivitySource { get; } = new(Name);

    internal static Meter Meter { get; } = new(Name);

    internal static Counter<long> DocumentsWritten { get; } =
        Meter.CreateCounter<long>("crm.documents.written", unit: "{document}", description: "Documents inserted, updated or deleted.");

    internal static Counter<long> UnreadableRecords { get; } =
        Meter.CreateCounter<long>("crm.encryption.unreadable_records", unit: "{record}", description: "Records left out of lists and streams because they failed their integrity check.");

    internal static Counter<long> ConcurrencyConflicts { get; } =
        Meter.CreateCounter<long>("crm.concurrency.conflicts", unit: "{conflict}", description: "Commits refused because a record changed since it was read.");

    internal static Histogram<double> CommitDuration { get; } =
        Meter.CreateHistogram<double>("crm.commit.duration", unit: "ms", description: "Time to commit one unit of work.");
}
