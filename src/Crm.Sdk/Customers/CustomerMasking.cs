using Crm.Sdk.Security;

namespace Crm.Sdk.Customers;

/// <summary>
/// A customer as an actor who does not see personal data reads it: names, email addresses, phone numbers, street lines,
/// postal codes and the custom fields defined personal (<see cref="CustomFieldDefinition.IsPersonal"/>) masked
/// (<see cref="PersonalDataMask"/>); kind, tags, stage, owner, external ids, consents, city, region, country, labels and
/// dates as they are. A personal custom field that is not text cannot hold a mask and is left out.
/// </summary>
internal static class CustomerMasking
{
    /// <summary>A masked copy of <paramref name="customer"/>, marked <see cref="Domain.AggregateRoot{T}.IsMasked"/>; the customer itself is not changed.</summary>
    /// <param name="customer">The customer as stored.</param>
    /// <returns>The masked copy.</returns>
    public static Customer Mask(Customer customer)
    {
        ArgumentNullException.ThrowIfNull(customer);
        var masked = Customer.Restore(
            customer.Id,
            customer.Version,
            customer.Kind,
            customer.IsErased ? customer.DisplayName : PersonalDataMask.Name(customer.DisplayName),
            customer.PersonName is { } name
                ? PersonName.FromStored(PersonalDataMask.Name(name.GivenName), PersonalDataMask.Name(name.FamilyName), PersonalDataMask.Name(name.MiddleName))
                : null,
            PersonalDataMask.Name(customer.CompanyName),
            customer.Emails.Select(e => e with { Address = EmailAddress.FromStored(PersonalDataMask.Email(e.Address.Value)) }),
            customer.Phones.Select(p => p with { Number = MaskPhone(p.Number) }),
            customer.Addresses.Select(a => PostalAddress.FromStored(a.Kind, [.. a.Lines.Select(l => PersonalDataMask.Text(l))], a.City, a.Region, PersonalDataMask.Text(a.PostalCode), a.Country)),
            customer.Tags,
            MaskCustomFields(customer),
            customer.LifecycleStage,
            customer.OwnerId,
            customer.ExternalIds,
            customer.ConsentHistory,
            customer.CreatedAt,
            customer.UpdatedAt,
            customer.IsErased);
        masked.Policy = customer.Policy;
        masked.Clock = customer.Clock;
        masked.IsMasked = true;
        return masked;
    }

    /// <summary>A phone number masked: <see cref="PhoneNumber.Raw"/> spaced (<c>+86 138****5678</c>), <see cref="PhoneNumber.E164"/> without the space.</summary>
    private static PhoneNumber MaskPhone(PhoneNumber number)
    {
        var raw = PersonalDataMask.Phone(number.E164);
        return PhoneNumber.FromStored(raw, raw.Replace(" ", string.Empty, StringComparison.Ordinal));
    }

    private static IEnumerable<KeyValuePair<string, CustomFieldValue>> MaskCustomFields(Customer customer)
    {
        foreach (var (key, value) in customer.CustomFields)
        {
            if (customer.Policy.FindCustomField(key) is not { IsPersonal: true })
            {
                yield return new(key, value);
            }
            else if (value is TextFieldValue text)
            {
                yield return new(key, new TextFieldValue(PersonalDataMask.Text(text.Value)));
            }
        }
    }
}
