namespace Crm.Sdk.Duplicates;

/// <summary>How a merge chooses each single-valued field (names, lifecycle stage, custom fields) between survivor and duplicate.</summary>
public enum Survivorship
{
    /// <summary>The value of the more complete record wins: the survivor's, unless the survivor has none for that field.</summary>
    MostComplete,

    /// <summary>The value of the record changed most recently wins, when it has one; otherwise the other's.</summary>
    MostRecent,

    /// <summary>The value of the record with an external id from <see cref="MergeOptions.PreferredSource"/> wins, when it has one; otherwise as <see cref="MostComplete"/>.</summary>
    PreferredSource,
}
