namespace Crm.Sdk.Import;

/// <summary>The outcome of one source row, as written to the report (one JSON line per row).</summary>
public sealed class ImportRowResult
{
    /// <summary>Creates a result.</summary>
    /// <param name="line">The row's 1-based line in the source file.</param>
    /// <param name="outcome">What became of the row.</param>
    public ImportRowResult(long line, ImportOutcome outcome)
    {
        Line = line;
        Outcome = outcome;
    }

    /// <summary>The row's 1-based line in the source file (a CSV header is line 1).</summary>
    public long Line { get; }

    /// <summary>What became of the row.</summary>
    public ImportOutcome Outcome { get; }

    /// <summary>The record the row created, changed or matched, if any.</summary>
    public Guid? RecordId { get; init; }

    /// <summary>The customer the row belongs to, if it was resolved.</summary>
    public Guid? CustomerId { get; init; }

    /// <summary>Whether the row's customer was created by this row (an interaction or deal row whose customer was new).</summary>
    public bool CustomerCreated { get; init; }

    /// <summary>For <see cref="ImportOutcome.Rejected"/>: every failing field and rule.</summary>
    public IReadOnlyList<ValidationError> Errors { get; init; } = [];

    /// <summary>The fields created or changed (for a dry run: the fields that would be).</summary>
    public IReadOnlyList<FieldChange> Changes { get; init; } = [];
}
