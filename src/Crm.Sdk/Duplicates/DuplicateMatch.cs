using Crm.Sdk.Customers;

namespace Crm.Sdk.Duplicates;

/// <summary>A stored customer that may be the same as the record it was compared with.</summary>
/// <param name="Customer">The stored customer.</param>
/// <param name="Score">The match score, 0 to 1; a match is reported at or above the threshold.</param>
/// <param name="Explanation">The comparison in words, field by field: <c>email equal, name 0.94, phone differs by one digit</c>.</param>
/// <param name="Fields">Each field compared.</param>
public sealed record DuplicateMatch(Customer Customer, double Score, string Explanation, IReadOnlyList<FieldComparison> Fields);
