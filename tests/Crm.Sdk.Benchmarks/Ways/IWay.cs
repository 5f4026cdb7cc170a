using Crm.Sdk.Benchmarks.Data;

namespace Crm.Sdk.Benchmarks.Ways;

/// <summary>
/// One way of doing the CRM work (the SDK, raw SQLite, EF Core) over its own database file. Customers, deals and
/// tickets are referred to by their index in the generated data; each way keeps its own ids.
/// </summary>
internal interface IWay : IAsyncDisposable
{
    /// <summary>A short key for <c>--only</c> and the JSON file.</summary>
    string Key { get; }

    /// <summary>The column title.</summary>
    string Title { get; }

    /// <summary>Creates the schema and the customers, pipeline, deals and tickets (not measured).</summary>
    Task SetupAsync(DataGenerator data);

    /// <summary>Records one batch of interactions in one transaction.</summary>
    Task IngestAsync(IReadOnlyList<InteractionRow> batch);

    /// <summary>Reads one page (50 newest, or the next 50 after the cursor) of a customer's timeline.</summary>
    /// <returns>The number of items, a check value (the sum of the items' occurred-at seconds) and the next cursor.</returns>
    Task<TimelinePage> TimelinePageAsync(int customer, object? cursor);

    /// <summary>Finds the customers with an email address.</summary>
    /// <returns>The number found.</returns>
    Task<int> FindByEmailAsync(string email);

    /// <summary>The customer 360° summary.</summary>
    /// <returns>A check value: interactions + open deals + open tickets, and the purchase total in EUR.</returns>
    Task<SummaryCheck> SummaryAsync(int customer);

    /// <summary>The pipeline summary over all deals.</summary>
    /// <returns>A check value: the deal count and the EUR weighted amount of the open stages.</returns>
    Task<SummaryCheck> PipelineSummaryAsync();

    /// <summary>Opens a ticket, changes its status to open, then resolves it: three separate commits.</summary>
    Task TicketLifecycleAsync(TicketRow ticket);

    /// <summary>Reads a customer's whole timeline, newest first, one item at a time (streamed, never all in memory).</summary>
    /// <returns>The number of items and a check value (the sum of their occurred-at seconds).</returns>
    Task<SummaryCheck> ScanTimelineAsync(int customer);

    /// <summary>
    /// Finishes work the way deferred past the calls that caused it (the SDK's waiting audit entries of reads) and returns
    /// how long that took: run between scenarios, so one scenario's deferred work does not slow the next one's calls,
    /// and reported on its own. Nothing for ways that defer nothing.
    /// </summary>
    Task<TimeSpan> FinishDeferredWorkAsync() => Task.FromResult(TimeSpan.Zero);
}
