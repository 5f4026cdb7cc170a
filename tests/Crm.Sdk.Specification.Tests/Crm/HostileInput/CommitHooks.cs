using System.Diagnostics;
using System.Diagnostics.Metrics;
using Crm.Sdk.Diagnostics;

namespace Crm.Sdk.Specification.Tests.Crm.HostileInput;

/// <summary>
/// Calls back at the two moments of a commit the SDK's public telemetry (<see cref="CrmDiagnostics.Name"/>) shows: when
/// the <c>crm.commit</c> activity starts (the writes are prepared, the provider has not been called), and when
/// <c>crm.documents.written</c> is recorded (the provider committed). The corpus cancels a token there, to hit the point
/// just before a commit and the point just after it. The callbacks are asynchronous-flow local: only the call that set
/// them sees them, never another test's commits.
/// </summary>
internal static class CommitHooks
{
    private static readonly AsyncLocal<Action?> Starting = new();
    private static readonly AsyncLocal<Action?> Committed = new();
    private static readonly object Gate = new();
    private static ActivityListener? _activities;
    private static MeterListener? _meters;

    /// <summary>Runs <paramref name="callback"/> once when a commit of the current flow starts.</summary>
    /// <param name="callback">The callback.</param>
    public static void OnCommitStarting(Action callback)
    {
        Listen();
        Starting.Value = Once(callback);
    }

    /// <summary>Runs <paramref name="callback"/> once when a commit of the current flow has written its documents.</summary>
    /// <param name="callback">The callback.</param>
    public static void OnCommitted(Action callback)
    {
        Listen();
        Committed.Value = Once(callback);
    }

    /// <summary>Forgets the callbacks of the current flow.</summary>
    public static void Clear()
    {
        Starting.Value = null;
        Committed.Value = null;
    }

    private static Action Once(Action callback)
    {
        var done = 0;
        return () =>
        {
            if (Interlocked.Exchange(ref done, 1) == 0)
            {
                callback();
            }
        };
    }

    private static void Listen()
    {
        lock (Gate)
        {
            if (_activities is not null)
            {
                return;
            }

            // Process-wide listeners, kept for the life of the test process; they act only where a callback is set.
            _activities = new ActivityListener
            {
                ShouldListenTo = source => source.Name == CrmDiagnostics.Name,
                Sample = (ref ActivityCreationOptions<ActivityContext> _) =>
                    Starting.Value is null ? ActivitySamplingResult.None : ActivitySamplingResult.AllData,
                ActivityStarted = activity =>
                {
                    if (activity.OperationName == "crm.commit")
                    {
                        Starting.Value?.Invoke();
                    }
                },
            };
            ActivitySource.AddActivityListener(_activities);

            _meters = new MeterListener
            {
                InstrumentPublished = (instrument, listener) =>
                {
                    if (instrument.Meter.Name == CrmDiagnostics.Name && instrument.Name == "crm.documents.written")
                    {
                        listener.EnableMeasurementEvents(instrument);
                    }
                },
            };
            _meters.SetMeasurementEventCallback<long>((_, _, _, _) => Committed.Value?.Invoke());
            _meters.Start();
        }
    }
}
