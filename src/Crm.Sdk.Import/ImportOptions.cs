using Crm.Sdk.Customers;

namespace Crm.Sdk.Import;

/// <summary>How an import runs.</summary>
public sealed class ImportOptions
{
    /// <summary>Decide every row and report it, with the per-record diff, but write nothing (default false).</summary>
    public bool DryRun { get; set; }

    /// <summary>Rows per unit of work (one transaction and one import audit entry per resource each; default 500).</summary>
    public int BatchSize { get; set; } = 500;

    /// <summary>The report file (JSON Lines, one object per row with its line, outcome, errors and changes); none when null.</summary>
    public string? ReportPath { get; set; }

    /// <summary>
    /// The checkpoint file: written after each committed batch, read at start to resume an interrupted run, deleted when the
    /// import completes. None when null (an interrupted import then starts over; it is idempotent, so nothing doubles).
    /// </summary>
    public string? CheckpointPath { get; set; }

    /// <summary>
    /// Duplicate detection hook for rows whose key finds no customer: returns an existing customer the row's draft is a
    /// duplicate of (the row is then merged into it, outcome <see cref="ImportOutcome.Merged"/>), or null to create one.
    /// </summary>
    public Func<CustomerDraft, CancellationToken, ValueTask<Customer?>>? Matcher { get; set; }
}
