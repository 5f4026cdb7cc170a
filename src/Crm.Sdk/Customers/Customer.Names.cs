using Crm.Sdk.Customers.Events;
using Crm.Sdk.Domain;

namespace Crm.Sdk.Customers;

/// <content>Changing the customer's names.</content>
public sealed partial class Customer
{
    /// <summary>Changes the display name.</summary>
    /// <param name="displayName">The new name; trimmed, 1–200 characters.</param>
    /// <exception cref="CrmValidationException">The name is blank, too long or has control characters (field <c>DisplayName</c>).</exception>
    public void Rename(string displayName)
    {
        var errors = new List<ValidationError>();
        var name = InputRules.Required(displayName, nameof(DisplayName), MaxNameLength, errors);
        InputRules.ThrowIfAny(errors);
        if (string.Equals(name, DisplayName, StringComparison.Ordinal))
        {
            return;
        }

        DisplayName = name!;
        Raise(new CustomerRenamed(Id));
    }

    /// <summary>Sets or clears a person's structured name. The display name is not changed; call <see cref="Rename"/> for that.</summary>
    /// <param name="personName">The name (see <see cref="Customers.PersonName.Create"/>), or <see langword="null"/> to clear it.</param>
    /// <exception cref="CrmValidationException">The customer is a company (field <c>PersonName</c>, rule <c>kind-mismatch</c>).</exception>
    public void SetPersonName(PersonName? personName)
    {
        if (personName is not null && Kind != CustomerKind.Person)
        {
            throw new CrmValidationException(nameof(PersonName), "kind-mismatch", "Only a person has a person name.");
        }

        if (Equals(personName, PersonName))
        {
            return;
        }

        PersonName = personName;
        Raise(new CustomerNameDetailsChanged(Id));
    }

    /// <summary>Sets or clears a company's name. The display name is not changed; call <see cref="Rename"/> for that.</summary>
    /// <param name="companyName">The name, trimmed, at most 200 characters; blank or <see langword="null"/> clears it.</param>
    /// <exception cref="CrmValidationException">The customer is a person (rule <c>kind-mismatch</c>), or the name is too long (field <c>CompanyName</c>).</exception>
    public void SetCompanyName(string? companyName)
    {
        var errors = new List<ValidationError>();
        var name = InputRules.Optional(companyName, nameof(CompanyName), MaxNameLength, errors, out _);
        if (name is not null && Kind != CustomerKind.Company)
        {
            errors.Add(new ValidationError(nameof(CompanyName), "kind-mismatch", "Only a company has a company name."));
        }

        InputRules.ThrowIfAny(errors);
        if (string.Equals(name, CompanyName, StringComparison.Ordinal))
        {
            return;
        }

        CompanyName = name;
        Raise(new CustomerNameDetailsChanged(Id));
    }
}
