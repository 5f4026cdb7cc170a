namespace Crm.Sdk.Duplicates;

/// <summary>
/// Options of duplicate detection (<see cref="IDuplicateService"/>): the score threshold and the custom fields that hold
/// a birth date and identifiers. Configure with <c>services.Configure&lt;DuplicateDetectionOptions&gt;(...)</c>.
/// </summary>
public sealed class DuplicateDetectionOptions
{
    /// <summary>The default <see cref="Threshold"/>: 0.9, measured on the FEBRL-style benchmark (docs/articles/duplicates-and-merge.md).</summary>
    public const double DefaultThreshold = 0.9;

    /// <summary>The score from which two customers are reported as duplicates (0 to 1); <see cref="DefaultThreshold"/> by default.</summary>
    public double Threshold { get; set; } = DefaultThreshold;

    /// <summary>The key of a date custom field that holds the birth date (<c>birth_date</c> by default); null for none.</summary>
    public string? BirthDateField { get; set; } = "birth_date";

    /// <summary>
    /// Keys of text or number custom fields that identify a person (a national id, a membership number): equal values are
    /// strong evidence, different ones strong evidence against. Empty by default.
    /// </summary>
    public IList<string> IdentifierFields { get; } = [];
}
