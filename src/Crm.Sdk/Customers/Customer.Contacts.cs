using Crm.Sdk.Customers.Events;
using Crm.Sdk.Domain;

namespace Crm.Sdk.Customers;

/// <content>Changing the customer's email addresses, phone numbers and postal addresses.</content>
public sealed partial class Customer
{
    /// <summary>Adds an email address. The first address becomes the primary one.</summary>
    /// <param name="address">The address as entered.</param>
    /// <param name="label">A label such as <c>work</c> (at most 50 characters), or <see langword="null"/>.</param>
    /// <param name="makePrimary">Whether the new address becomes the primary one.</param>
    /// <returns>The checked address.</returns>
    /// <exception cref="CrmValidationException">The address is invalid (field <c>Email</c>, rule <c>email-format</c>) or already present
    /// (rule <c>duplicate</c>), the label is invalid (field <c>Label</c>), or the customer has <see cref="MaxContacts"/> addresses (rule <c>too-many</c>).</exception>
    public EmailAddress AddEmail(string address, string? label = null, bool makePrimary = false)
    {
        var errors = new List<ValidationError>();
        var email = EmailAddress.Validate(address, "Email", errors);
        var checkedLabel = InputRules.Optional(label, "Label", MaxLabelLength, errors, out _);
        if (email is not null && _emails.Exists(e => e.Address.Equals(email)))
        {
            errors.Add(Duplicate("Email", email.Value));
        }

        if (_emails.Count >= MaxContacts)
        {
            errors.Add(TooMany(nameof(Emails), MaxContacts));
        }

        InputRules.ThrowIfAny(errors);
        var primary = makePrimary || _emails.Count == 0;
        if (primary)
        {
            ClearPrimaryEmail();
        }

        _emails.Add(new CustomerEmail(email!, checkedLabel, primary));
        Raise(new CustomerEmailAdded(Id));
        if (primary)
        {
            Raise(new CustomerPrimaryEmailChanged(Id));
        }

        return email!;
    }

    /// <summary>Removes an email address (compared in normalized form). When it was the primary one, the next remaining address becomes primary.</summary>
    /// <param name="address">The address.</param>
    /// <returns>Whether the address was there.</returns>
    public bool RemoveEmail(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var normalized = EmailAddress.Normalize(address);
        var index = _emails.FindIndex(e => e.Address.Normalized == normalized);
        if (index < 0)
        {
            return false;
        }

        var wasPrimary = _emails[index].IsPrimary;
        _emails.RemoveAt(index);
        Raise(new CustomerEmailRemoved(Id));
        if (wasPrimary && _emails.Count > 0)
        {
            _emails[0] = _emails[0] with { IsPrimary = true };
            Raise(new CustomerPrimaryEmailChanged(Id));
        }

        return true;
    }

    /// <summary>Makes one of the customer's email addresses the primary one.</summary>
    /// <param name="address">The address (compared in normalized form).</param>
    /// <exception cref="CrmValidationException">The customer has no such address (field <c>Email</c>, rule <c>not-found</c>).</exception>
    public void SetPrimaryEmail(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var normalized = EmailAddress.Normalize(address);
        var index = _emails.FindIndex(e => e.Address.Normalized == normalized);
        if (index < 0)
        {
            throw new CrmValidationException("Email", "not-found", $"'{address.Trim()}' is not one of the customer's email addresses.");
        }

        if (_emails[index].IsPrimary)
        {
            return;
        }

        ClearPrimaryEmail();
        _emails[index] = _emails[index] with { IsPrimary = true };
        Raise(new CustomerPrimaryEmailChanged(Id));
    }

    /// <summary>Adds a phone number, normalized to E.164 (see <see cref="PhoneNumber"/>).</summary>
    /// <param name="number">The number as typed.</param>
    /// <param name="label">A label such as <c>mobile</c> (at most 50 characters), or <see langword="null"/>.</param>
    /// <returns>The checked number.</returns>
    /// <exception cref="CrmValidationException">The number cannot be normalized (field <c>Phone</c>, rule <c>phone-format</c>) or is already present
    /// (rule <c>duplicate</c>), the label is invalid (field <c>Label</c>), or the customer has <see cref="MaxContacts"/> numbers (rule <c>too-many</c>).</exception>
    public PhoneNumber AddPhone(string number, string? label = null) =>
        AddPhone(number, Policy, label);

    /// <summary>Adds a phone number, normalized to E.164 (see <see cref="PhoneNumber"/>).</summary>
    /// <param name="number">The number as typed.</param>
    /// <param name="policy">The host's policy, for the default phone region.</param>
    /// <param name="label">A label such as <c>mobile</c> (at most 50 characters), or <see langword="null"/>.</param>
    /// <returns>The checked number.</returns>
    /// <exception cref="CrmValidationException">The number cannot be normalized (field <c>Phone</c>, rule <c>phone-format</c>) or is already present
    /// (rule <c>duplicate</c>), the label is invalid (field <c>Label</c>), or the customer has <see cref="MaxContacts"/> numbers (rule <c>too-many</c>).</exception>
    internal PhoneNumber AddPhone(string number, CustomerPolicy policy, string? label = null)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var errors = new List<ValidationError>();
        var phone = PhoneNumber.Validate(number, policy.DefaultPhoneRegion, "Phone", errors);
        var checkedLabel = InputRules.Optional(label, "Label", MaxLabelLength, errors, out _);
        if (phone is not null && _phones.Exists(p => p.Number.Equals(phone)))
        {
            errors.Add(Duplicate("Phone", phone.E164));
        }

        if (_phones.Count >= MaxContacts)
        {
            errors.Add(TooMany(nameof(Phones), MaxContacts));
        }

        InputRules.ThrowIfAny(errors);
        _phones.Add(new CustomerPhone(phone!, checkedLabel));
        Raise(new CustomerPhoneAdded(Id));
        return phone!;
    }

    /// <summary>Removes a phone number, compared in E.164 form (or, when it cannot be normalized, as typed).</summary>
    /// <param name="number">The number.</param>
    /// <returns>Whether the number was there.</returns>
    public bool RemovePhone(string number) =>
        RemovePhone(number, Policy);

    /// <summary>Removes a phone number, compared in E.164 form (or, when it cannot be normalized, as typed).</summary>
    /// <param name="number">The number.</param>
    /// <param name="policy">The host's policy, for the default phone region.</param>
    /// <returns>Whether the number was there.</returns>
    internal bool RemovePhone(string number, CustomerPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(number);
        ArgumentNullException.ThrowIfNull(policy);
        var e164 = PhoneNumber.Normalize(number, policy.DefaultPhoneRegion);
        var trimmed = number.Trim();
        var index = _phones.FindIndex(p => p.Number.E164 == e164 || p.Number.Raw == trimmed);
        if (index < 0)
        {
            return false;
        }

        _phones.RemoveAt(index);
        Raise(new CustomerPhoneRemoved(Id));
        return true;
    }

    /// <summary>
    /// Replaces the stored E.164 form of each phone by <paramref name="renormalize"/>'s (the phone upgrade), raising no
    /// event and leaving <see cref="UpdatedAt"/> alone: the number is the same, only its normal form changed. A phone whose
    /// new form is <see langword="null"/>, or equal to another phone's of this customer, keeps its stored form, so that
    /// nothing is dropped and no duplicate appears.
    /// </summary>
    /// <param name="renormalize">The new E.164 form of a stored phone, or <see langword="null"/> when it cannot be re-normalized.</param>
    /// <returns>How many phones changed, and how many had to keep their stored form.</returns>
    internal (int Changed, int Kept) RenormalizePhones(Func<PhoneNumber, string?> renormalize)
    {
        var changed = 0;
        var kept = 0;
        for (var i = 0; i < _phones.Count; i++)
        {
            var current = _phones[i].Number;
            var e164 = renormalize(current);
            if (e164 == current.E164)
            {
                continue;
            }

            var index = i;
            if (e164 is null || _phones.Where((p, j) => j != index).Any(p => p.Number.E164 == e164))
            {
                kept++;
                continue;
            }

            _phones[i] = _phones[i] with { Number = PhoneNumber.FromStored(current.Raw, e164) };
            changed++;
        }

        return (changed, kept);
    }

    /// <summary>Adds a postal address.</summary>
    /// <param name="address">The address (see <see cref="PostalAddress.Create"/>).</param>
    /// <exception cref="CrmValidationException">The same address is already present (field <c>Address</c>, rule <c>duplicate</c>), or the customer has <see cref="MaxContacts"/> addresses (rule <c>too-many</c>).</exception>
    public void AddAddress(PostalAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var errors = new List<ValidationError>();
        if (_addresses.Contains(address))
        {
            errors.Add(Duplicate("Address", address.ToString()));
        }

        if (_addresses.Count >= MaxContacts)
        {
            errors.Add(TooMany(nameof(Addresses), MaxContacts));
        }

        InputRules.ThrowIfAny(errors);
        _addresses.Add(address);
        Raise(new CustomerAddressAdded(Id, address.Kind));
    }

    /// <summary>Removes a postal address.</summary>
    /// <param name="address">The address (compared part by part).</param>
    /// <returns>Whether the address was there.</returns>
    public bool RemoveAddress(PostalAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (!_addresses.Remove(address))
        {
            return false;
        }

        Raise(new CustomerAddressRemoved(Id, address.Kind));
        return true;
    }

    private void ClearPrimaryEmail()
    {
        for (var i = 0; i < _emails.Count; i++)
        {
            if (_emails[i].IsPrimary)
            {
                _emails[i] = _emails[i] with { IsPrimary = false };
            }
        }
    }
}
