namespace Crm.Sdk.Duplicates;

/// <summary>Two stored customers that are probably the same person or company (<see cref="IDuplicateService.FindDuplicatesAsync"/>).</summary>
/// <param name="First">The older of the two (the lower id, created first).</param>
/// <param name="Second">The newer of the two.</param>
/// <param name="Score">The match score, 0 to 1.</param>
/// <param name="Explanation">The comparison in words, field by field.</param>
/// <param name="Fields">Each field compared.</param>
public sealed record DuplicatePair(CustomerId First, CustomerId Second, double Score, string Explanation, IReadOnlyList<FieldComparison> Fields);
