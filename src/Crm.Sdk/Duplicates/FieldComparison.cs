namespace Crm.Sdk.Duplicates;

/// <summary>How one field of two customers compared.</summary>
/// <param name="Field">The field: <c>email</c>, <c>phone</c>, <c>name</c>, <c>given-name</c>, <c>family-name</c>, <c>company</c>, <c>birth-date</c>, <c>postcode</c>, <c>street</c>, <c>city</c> or <c>identifier</c>.</param>
/// <param name="Similarity">The similarity, 0 (different) to 1 (equal): Jaro-Winkler for names and street lines, exact or near for identifiers.</param>
/// <param name="Weight">The evidence it adds to the match (positive for, negative against; 0 when a side has no value).</param>
/// <param name="Explanation">The comparison in words: <c>email equal</c>, <c>name 0.94</c>, <c>phone differs by one digit</c>.</param>
public sealed record FieldComparison(string Field, double Similarity, double Weight, string Explanation);
