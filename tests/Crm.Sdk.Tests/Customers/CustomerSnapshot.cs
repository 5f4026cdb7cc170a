using System.Text.Json;
using Crm.Sdk.Customers;

namespace Crm.Sdk.Tests.Customers;

/// <summary>Every observable property of a customer, for "nothing changed" and round-trip comparisons.</summary>
internal static class CustomerSnapshot
{
    public static string Of(Customer c) => JsonSerializer.Serialize(new
    {
        Id = c.Id.ToString(),
        c.Version,
        Kind = c.Kind.ToString(),
        c.DisplayName,
        Person = c.PersonName is null ? null : new[] { c.PersonName.GivenName, c.PersonName.MiddleName, c.PersonName.FamilyName },
        c.CompanyName,
        Emails = c.Emails.Select(e => $"{e.Address.Value}|{e.Address.Normalized}|{e.Label}|{e.IsPrimary}").ToArray(),
        Primary = c.PrimaryEmail?.Value,
        Phones = c.Phones.Select(p => $"{p.Number.Raw}|{p.Number.E164}|{p.Label}").ToArray(),
        Addresses = c.Addresses.Select(a => $"{a.Kind}|{string.Join("/", a.Lines)}|{a.City}|{a.Region}|{a.PostalCode}|{a.Country}").ToArray(),
        Tags = c.Tags.ToArray(),
        CustomFields = c.CustomFields.Select(f => $"{f.Key}={f.Value}").ToArray(),
        Stage = c.LifecycleStage.ToString(),
        c.OwnerId,
        ExternalIds = c.ExternalIds.Select(e => e.Key).ToArray(),
        Consents = c.Consents.Select(kv => $"{kv.Key}={kv.Value}").ToArray(),
        History = c.ConsentHistory.Select(h => h.ToString()).ToArray(),
        CreatedAt = c.CreatedAt.ToString(),
        UpdatedAt = c.UpdatedAt.ToString(),
    });
}
