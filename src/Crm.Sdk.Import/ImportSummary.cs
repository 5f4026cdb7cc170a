namespace Crm.Sdk.Import;

/// <summary>The counts of an import; they add up to <see cref="Rows"/>, every row of the source.</summary>
public sealed class ImportSummary
{
    /// <summary>Every row of the source (the header excluded).</summary>
    public long Rows { get; set; }

    /// <summary>Rows that created a record.</summary>
    public long Created { get; set; }

    /// <summary>Rows that changed an existing record.</summary>
    public long Updated { get; set; }

    /// <summary>Rows whose record exists unchanged.</summary>
    public long Unchanged { get; set; }

    /// <summary>Rows skipped as duplicates of an earlier row of the file.</summary>
    public long SkippedDuplicates { get; set; }

    /// <summary>Rows rejected with their errors.</summary>
    public long Rejected { get; set; }

    /// <summary>Rows merged into an existing customer found by the matcher.</summary>
    public long Merged { get; set; }

    /// <summary>Customers created along the way by interaction or deal rows (already counted in their rows' outcomes).</summary>
    public long CustomersCreated { get; set; }

    /// <summary>The rows accounted for by an earlier, interrupted run this run resumed from its checkpoint (0 for a fresh run).</summary>
    public long ResumedRows { get; set; }

    /// <summary>Whether nothing was written (a dry run).</summary>
    public bool DryRun { get; set; }

    /// <summary>Adds one row's outcome.</summary>
    /// <param name="result">The row's result.</param>
    public void Add(ImportRowResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        Rows++;
        switch (result.Outcome)
        {
            case ImportOutcome.Created: Created++; break;
            case ImportOutcome.Updated: Updated++; break;
            case ImportOutcome.Unchanged: Unchanged++; break;
            case ImportOutcome.SkippedDuplicate: SkippedDuplicates++; break;
            case ImportOutcome.Rejected: Rejected++; break;
            case ImportOutcome.Merged: Merged++; break;
        }

        if (result.CustomerCreated)
        {
            CustomersCreated++;
        }
    }
}
