namespace Crm.Sdk.Import;

/// <summary>What became of one source row; every row gets exactly one.</summary>
public enum ImportOutcome
{
    /// <summary>A new record was created.</summary>
    Created = 1,

    /// <summary>An existing record was changed (see <see cref="ImportRowResult.Changes"/>).</summary>
    Updated = 2,

    /// <summary>The record exists with the same data (or the on-match policy is <see cref="MatchPolicy.Skip"/>): nothing written.</summary>
    Unchanged = 3,

    /// <summary>An earlier row of the same file has the same key: this row was skipped.</summary>
    SkippedDuplicate = 4,

    /// <summary>The row breaks a rule: <see cref="ImportRowResult.Errors"/> lists every failing field and rule; nothing written for it.</summary>
    Rejected = 5,

    /// <summary>The row was matched to an existing customer by <see cref="ImportOptions.Matcher"/> (duplicate detection) and merged into it.</summary>
    Merged = 6,
}
