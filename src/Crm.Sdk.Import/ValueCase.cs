namespace Crm.Sdk.Import;

/// <summary>A change of letter case (invariant culture).</summary>
public enum ValueCase
{
    /// <summary>Unchanged.</summary>
    None = 0,

    /// <summary>All upper case.</summary>
    Upper = 1,

    /// <summary>All lower case.</summary>
    Lower = 2,

    /// <summary>First letter of each word upper case, the rest lower case.</summary>
    Title = 3,
}
