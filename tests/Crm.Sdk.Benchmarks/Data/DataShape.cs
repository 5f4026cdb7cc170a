namespace Crm.Sdk.Benchmarks.Data;

/// <summary>How much data one run holds, derived from the scale (the number of interactions).</summary>
internal sealed record DataShape(int Interactions)
{
    public const int BatchSize = 1_000;

    /// <summary>One customer per hundred interactions (at least ten).</summary>
    public int Customers => Math.Max(10, Interactions / 100);

    /// <summary>Two deals per customer, all in one pipeline.</summary>
    public int Deals => Customers * 2;

    /// <summary>One already-open ticket per two customers (for the 360° summary).</summary>
    public int SetupTickets => Math.Max(1, Customers / 2);

    /// <summary>Customers whose timeline is paged (two pages each).</summary>
    public int TimelineSamples => Math.Min(Customers, 300);

    /// <summary>Email look-ups.</summary>
    public int EmailLookups => Math.Min(Customers, 500);

    /// <summary>360° summaries.</summary>
    public int SummarySamples => Math.Min(Customers, 300);

    /// <summary>Pipeline summaries (each over all deals).</summary>
    public int PipelineSamples => Math.Clamp(Customers / 10, 10, 30);

    /// <summary>Tickets opened, moved to open and resolved (three commits each).</summary>
    public int TicketLifecycles => Math.Clamp(Interactions / 500, 50, 1_000);

    public int Batches => (Interactions + BatchSize - 1) / BatchSize;

    /// <summary>The tiny shape of the warm-up run (not measured, own database file).</summary>
    public static DataShape WarmUp { get; } = new(3_000);

    public int BatchLength(int batch) => Math.Min(BatchSize, Interactions - (batch * BatchSize));
}
