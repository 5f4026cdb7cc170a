using Crm.Sdk.Customers;
using Crm.Sdk.Pipelines;

namespace Crm.Sdk.Benchmarks.Running;

/// <summary>The scenario keys (for <c>--only</c>, the table and the JSON file), in run order.</summary>
internal static class Scenarios
{
    public const string Ingest = "ingest";
    public const string TimelineFirst = "timeline-first-page";
    public const string TimelineNext = "timeline-next-page";
    public const string FindByEmail = "find-by-email";
    public const string Customer360 = "customer-360";
    public const string PipelineSummary = "pipeline-summary";
    public const string TicketLifecycle = "ticket-lifecycle";
    public const string Scan = "scan";

    public static readonly IReadOnlyList<(string Key, string Title, string Unit)> All =
    [
        (Ingest, "(a) record interactions, 1,000 per batch", "rows/s"),
        (TimelineFirst, "(b) timeline: 50 newest", "ms"),
        (TimelineNext, "(b) timeline: next 50 by cursor", "ms"),
        (FindByEmail, "(c) find customer by email", "ms"),
        (Customer360, "(d) customer 360° summary", "ms"),
        (PipelineSummary, "(e) pipeline summary, all deals", "ms"),
        (TicketLifecycle, "(f) ticket open → open → resolved", "ms"),
        (Scan, "(g) scan: every timeline, streamed", "rows/s"),
    ];
}
