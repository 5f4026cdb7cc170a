namespace Crm.Sdk.Import;

/// <summary>What an import does with a row whose record already exists.</summary>
public enum MatchPolicy
{
    /// <summary>Leave the existing record as it is (the row's outcome is <see cref="ImportOutcome.Unchanged"/>).</summary>
    Skip = 1,

    /// <summary>Change every mapped field that differs.</summary>
    Update = 2,

    /// <summary>Fill only the mapped fields the existing record has empty.</summary>
    UpdateEmpty = 3,
}
