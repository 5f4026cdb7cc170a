using Crm.Sdk.Domain;
using NodaTime;

namespace Crm.Sdk.Customers;

/// <content>The checks of <see cref="Create"/>: each adds its errors, with the field path, to one list.</content>
public sealed partial class Customer
{
    private static (PersonName? PersonName, string? CompanyName) ValidateNames(CustomerDraft draft, List<ValidationError> errors)
    {
        PersonName? personName = null;
        var hasPersonName = !InputRules.IsBlank(draft.GivenName) || !InputRules.IsBlank(draft.FamilyName) || !InputRules.IsBlank(draft.MiddleName);
        if (hasPersonName && draft.Kind != CustomerKind.Person)
        {
            errors.Add(new ValidationError(nameof(CustomerDraft.GivenName), "kind-mismatch", "Only a person has a given, middle or family name."));
        }
        else if (hasPersonName)
        {
            personName = PersonName.Validate(draft.GivenName, draft.FamilyName, draft.MiddleName, string.Empty, errors);
        }

        var companyName = InputRules.Optional(draft.CompanyName, nameof(CompanyName), MaxNameLength, errors, out _);
        if (companyName is not null && draft.Kind != CustomerKind.Company)
        {
            errors.Add(new ValidationError(nameof(CompanyName), "kind-mismatch", "Only a company has a company name."));
            companyName = null;
        }

        return (personName, companyName);
    }

    private static string? ValidateDisplayName(string? displayName, string? fallback, List<ValidationError> errors) =>
        InputRules.Required(InputRules.IsBlank(displayName) ? fallback : displayName, nameof(DisplayName), MaxNameLength, errors);

    private static List<CustomerEmail> ValidateEmails(IReadOnlyList<ContactDraft> drafts, List<ValidationError> errors)
    {
        var emails = new List<CustomerEmail>();
        if (drafts.Count > MaxContacts)
        {
            errors.Add(TooMany(nameof(Emails), MaxContacts));
        }

        for (var i = 0; i < drafts.Count; i++)
        {
            var field = $"{nameof(Emails)}[{i}]";
            var address = EmailAddress.Validate(drafts[i]?.Value, field, errors);
            var label = InputRules.Optional(drafts[i]?.Label, field + ".Label", MaxLabelLength, errors, out var labelOk);
            if (address is not null && emails.Exists(e => e.Address.Equals(address)))
            {
                errors.Add(Duplicate(field, address.Value));
            }
            else if (address is not null && labelOk)
            {
                emails.Add(new CustomerEmail(address, label, IsPrimary: emails.Count == 0));
            }
        }

        return emails;
    }

    private static List<CustomerPhone> ValidatePhones(IReadOnlyList<ContactDraft> drafts, CustomerPolicy policy, List<ValidationError> errors)
    {
        var phones = new List<CustomerPhone>();
        if (drafts.Count > MaxContacts)
        {
            errors.Add(TooMany(nameof(Phones), MaxContacts));
        }

        for (var i = 0; i < drafts.Count; i++)
        {
            var field = $"{nameof(Phones)}[{i}]";
            var number = PhoneNumber.Validate(drafts[i]?.Value, policy.DefaultPhoneRegion, field, errors);
            var label = InputRules.Optional(drafts[i]?.Label, field + ".Label", MaxLabelLength, errors, out var labelOk);
            if (number is not null && phones.Exists(p => p.Number.Equals(number)))
            {
                errors.Add(Duplicate(field, number.E164));
            }
            else if (number is not null && labelOk)
            {
                phones.Add(new CustomerPhone(number, label));
            }
        }

        return phones;
    }

    private static List<PostalAddress> ValidateAddresses(IReadOnlyList<PostalAddressDraft> drafts, List<ValidationError> errors)
    {
        var addresses = new List<PostalAddress>();
        if (drafts.Count > MaxContacts)
        {
            errors.Add(TooMany(nameof(Addresses), MaxContacts));
        }

        for (var i = 0; i < drafts.Count; i++)
        {
            var field = $"{nameof(Addresses)}[{i}]";
            if (drafts[i] is null)
            {
                errors.Add(new ValidationError(field, "required", $"{field} is required."));
                continue;
            }

            var address = PostalAddress.Validate(drafts[i], field + ".", errors);
            if (address is not null && addresses.Contains(address))
            {
                errors.Add(Duplicate(field, address.ToString()));
            }
            else if (address is not null)
            {
                addresses.Add(address);
            }
        }

        return addresses;
    }

    private static SortedSet<string> ValidateTags(IReadOnlyList<string> drafts, List<ValidationError> errors)
    {
        var tags = new SortedSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < drafts.Count; i++)
        {
            var tag = CustomerTag.Validate(drafts[i], $"{nameof(Tags)}[{i}]", errors);
            if (tag is not null)
            {
                tags.Add(tag);
            }
        }

        if (tags.Count > MaxTags)
        {
            errors.Add(TooMany(nameof(Tags), MaxTags));
        }

        return tags;
    }

    private static void ValidateCustomFields(IReadOnlyDictionary<string, CustomFieldValue>? values, CustomerPolicy policy, List<ValidationError> errors)
    {
        values ??= new Dictionary<string, CustomFieldValue>();
        foreach (var (key, value) in values)
        {
            var definition = policy.FindCustomField(key);
            if (definition is null)
            {
                errors.Add(UnknownCustomField(key));
            }
            else
            {
                definition.Check(value, errors);
            }
        }

        foreach (var definition in policy.CustomFields.Where(d => d.IsRequired && !values.ContainsKey(d.Key)))
        {
            errors.Add(new ValidationError("CustomFields." + definition.Key, "required", $"Custom field '{definition.Key}' is required."));
        }
    }

    private static List<ExternalId> ValidateExternalIds(IReadOnlyDictionary<string, string>? drafts, List<ValidationError> errors)
    {
        var externalIds = new List<ExternalId>();
        drafts ??= new Dictionary<string, string>();
        if (drafts.Count > MaxContacts)
        {
            errors.Add(TooMany(nameof(ExternalIds), MaxContacts));
        }

        foreach (var (source, value) in drafts)
        {
            var field = $"{nameof(ExternalIds)}.{source}";
            var externalId = ExternalId.Validate(source, value, field, field, errors);
            if (externalId is not null && externalIds.Exists(e => e.Source == externalId.Source))
            {
                errors.Add(new ValidationError(field, "duplicate-source", $"A customer has at most one external id per source; '{externalId.Source}' is given twice."));
            }
            else if (externalId is not null)
            {
                externalIds.Add(externalId);
            }
        }

        externalIds.Sort((a, b) => string.CompareOrdinal(a.Source, b.Source));
        return externalIds;
    }

    private static List<ConsentRecord> ValidateConsents(IReadOnlyList<ConsentRecord> drafts, List<ValidationError> errors)
    {
        var consents = new List<ConsentRecord>();
        for (var i = 0; i < drafts.Count; i++)
        {
            var field = $"{nameof(Consents)}[{i}]";
            var draft = drafts[i];
            if (draft is null)
            {
                errors.Add(new ValidationError(field, "required", $"{field} is required."));
                continue;
            }

            var consent = ValidateConsent(draft.Channel, draft.Status, draft.Source, draft.At, field + ".", errors);
            if (consent is not null)
            {
                consents.Add(consent);
            }
        }

        // A stable sort: decisions at the same instant keep the order given.
        return consents.OrderBy(c => c.At).ToList();
    }

    private static ConsentRecord? ValidateConsent(ConsentChannel channel, ConsentStatus status, string? source, Instant at, string prefix, List<ValidationError> errors)
    {
        var count = errors.Count;
        InputRules.Defined(channel, prefix + nameof(ConsentRecord.Channel), errors);

        InputRules.Defined(status, prefix + nameof(ConsentRecord.Status), errors);

        var trimmed = InputRules.Required(source, prefix + nameof(ConsentRecord.Source), ConsentRecord.MaxSourceLength, errors);
        return errors.Count == count ? new ConsentRecord(channel, status, at, trimmed!) : null;
    }

    private static ValidationError TooMany(string field, int max) =>
        new(field, "too-many", $"A customer has at most {max} {field.ToLowerInvariant()}.");

    private static ValidationError Duplicate(string field, string value) =>
        new(field, "duplicate", $"'{value}' is already one of the customer's {field.Split('[')[0].ToLowerInvariant()}.");

    private static ValidationError UnknownCustomField(string key) =>
        new("CustomFields." + key, "custom-field-unknown", $"The host defines no custom field '{key}'.");
}
