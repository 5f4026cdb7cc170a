namespace Crm.Sdk.Benchmarks.Data;

/// <summary>One generated customer (a person with one email address and one phone number).</summary>
internal sealed record CustomerRow(int Index, string GivenName, string FamilyName, string Email, string Phone, string Stage, string OwnerId, string City);
