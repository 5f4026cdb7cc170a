namespace Crm.Sdk.Tests.Duplicates;

/// <summary>One record in FEBRL's layout, with the entity it belongs to (the ground truth).</summary>
internal sealed record FebrlRecord(
    string RecId,
    int Entity,
    string? GivenName,
    string? Surname,
    string? StreetNumber,
    string? Address1,
    string? Address2,
    string? Suburb,
    string? Postcode,
    string? State,
    string? DateOfBirth,
    string? SocSecId);
