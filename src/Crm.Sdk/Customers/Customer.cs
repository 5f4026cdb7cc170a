using System.Collections.ObjectModel;
using Crm.Sdk.Customers.Events;
using Crm.Sdk.Domain;
using NodaTime;

namespace Crm.Sdk.Customers;

/// <summary>
/// A customer: a person or a company, with names, contact details, tags, typed custom fields, lifecycle stage,
/// owner, external ids and marketing consents. Its methods are the only way to change it; each checks its input and
/// throws <see cref="CrmValidationException"/> (naming the field and the rule) leaving the customer unchanged, and
/// records a domain event when something changed. A call that changes nothing records nothing.
/// </summary>
public sealed partial class Customer : AggregateRoot<Customer>
{
    /// <summary>The longest display name or company name accepted.</summary>
    public const int MaxNameLength = 200;

    /// <summary>The longest owner id accepted.</summary>
    public const int MaxOwnerIdLength = 100;

    /// <summary>The longest email or phone label accepted.</summary>
    public const int MaxLabelLength = 50;

    /// <summary>The most email addresses, phone numbers, postal addresses or external ids a customer may have (each).</summary>
    public const int MaxContacts = 20;

    /// <summary>The most tags a customer may have.</summary>
    public const int MaxTags = 100;

    private readonly List<CustomerEmail> _emails = [];

    /// <summary>The rules the SDK was configured with (custom fields, default phone region), attached by the service that created or loaded this customer.</summary>
    internal CustomerPolicy Policy { get; set; } = CustomerPolicy.Default;

    private readonly List<CustomerPhone> _phones = [];
    private readonly List<PostalAddress> _addresses = [];
    private readonly SortedSet<string> _tags = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, CustomFieldValue> _customFields = new(StringComparer.Ordinal);
    private readonly List<ExternalId> _externalIds = [];
    private readonly SortedDictionary<ConsentChannel, ConsentRecord> _consents = [];
    private readonly List<ConsentRecord> _consentHistory = [];

    private Customer(CustomerId id, CustomerKind kind, string displayName, Instant createdAt)
        : base(id)
    {
        Kind = kind;
        DisplayName = displayName;
        CreatedAt = createdAt;
        UpdatedAt = createdAt;
        Emails = _emails.AsReadOnly();
        Phones = _phones.AsReadOnly();
        Addresses = _addresses.AsReadOnly();
        Tags = new ReadOnlySet<string>(_tags);
        CustomFields = new ReadOnlyDictionary<string, CustomFieldValue>(_customFields);
        ExternalIds = _externalIds.AsReadOnly();
        Consents = new ReadOnlyDictionary<ConsentChannel, ConsentRecord>(_consents);
        ConsentHistory = _consentHistory.AsReadOnly();
    }

    /// <summary>Person or company. Fixed at creation.</summary>
    public CustomerKind Kind { get; }

    /// <summary>
    /// Whether the customer was erased (right to erasure): its personal data — names, emails, phones, addresses, text
    /// custom fields, and with field encryption every encrypted value of its interactions and tickets — is gone for good.
    /// What remains is what the business keeps without personal data: kind, tags, stage, owner, external ids, consents,
    /// amounts and dates.
    /// </summary>
    public bool IsErased { get; private set; }

    /// <summary>The name shown in lists and used for search and ordering; trimmed, 1–200 characters.</summary>
    public string DisplayName { get; private set; }

    /// <summary>The structured name of a person, or <see langword="null"/> (always <see langword="null"/> for a company).</summary>
    public PersonName? PersonName { get; private set; }

    /// <summary>The name of a company, or <see langword="null"/> (always <see langword="null"/> for a person).</summary>
    public string? CompanyName { get; private set; }

    /// <summary>The email addresses, in the order added; exactly one is primary when there are any.</summary>
    public IReadOnlyList<CustomerEmail> Emails { get; }

    /// <summary>The primary email address, or <see langword="null"/> when there is none.</summary>
    public EmailAddress? PrimaryEmail => _emails.Find(e => e.IsPrimary)?.Address;

    /// <summary>The phone numbers, in the order added.</summary>
    public IReadOnlyList<CustomerPhone> Phones { get; }

    /// <summary>The postal addresses, in the order added.</summary>
    public IReadOnlyList<PostalAddress> Addresses { get; }

    /// <summary>The tags (normalized), in ordinal order.</summary>
    public IReadOnlySet<string> Tags { get; }

    /// <summary>The custom field values by key, in ordinal key order.</summary>
    public IReadOnlyDictionary<string, CustomFieldValue> CustomFields { get; }

    /// <summary>The lifecycle stage.</summary>
    public LifecycleStage LifecycleStage { get; private set; }

    /// <summary>The id of the host user who owns the customer (at most 100 characters), or <see langword="null"/>.</summary>
    public string? OwnerId { get; private set; }

    /// <summary>The external ids, at most one per source, in source order.</summary>
    public IReadOnlyList<ExternalId> ExternalIds { get; }

    /// <summary>The latest consent decision per channel; a channel without a decision has no consent.</summary>
    public IReadOnlyDictionary<ConsentChannel, ConsentRecord> Consents { get; }

    /// <summary>Every consent decision, oldest first.</summary>
    public IReadOnlyList<ConsentRecord> ConsentHistory { get; }

    /// <summary>When the customer was created.</summary>
    public Instant CreatedAt { get; }

    /// <summary>When the customer was last saved with a change.</summary>
    public Instant UpdatedAt { get; private set; }

    /// <summary>Creates a customer, checking every field of the draft.</summary>
    /// <param name="draft">The customer's data as entered.</param>
    /// <param name="id">The new customer's id.</param>
    /// <param name="now">The creation time.</param>
    /// <param name="policy">The host's custom fields and default phone region.</param>
    /// <returns>The customer, with a <see cref="CustomerCreated"/> event.</returns>
    /// <exception cref="CrmValidationException">One or more fields are invalid; every failing field is listed
    /// (<c>DisplayName</c>, <c>Emails[1]</c>, <c>Addresses[0].Country</c>, <c>CustomFields.tier</c>, …).</exception>
    internal static Customer Create(CustomerDraft draft, CustomerId id, Instant now, CustomerPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(policy);
        var errors = new List<ValidationError>();
        InputRules.Defined(draft.Kind, nameof(Kind), errors);

        var (personName, companyName) = ValidateNames(draft, errors);
        var displayName = ValidateDisplayName(draft.DisplayName, personName?.FullName ?? companyName, errors);
        var emails = ValidateEmails(draft.Emails ?? [], errors);
        var phones = ValidatePhones(draft.Phones ?? [], policy, errors);
        var addresses = ValidateAddresses(draft.Addresses ?? [], errors);
        var tags = ValidateTags(draft.Tags ?? [], errors);
        ValidateCustomFields(draft.CustomFields, policy, errors);
        InputRules.Defined(draft.LifecycleStage, nameof(LifecycleStage), errors);

        var ownerId = InputRules.Optional(draft.OwnerId, nameof(OwnerId), MaxOwnerIdLength, errors, out _);
        var externalIds = ValidateExternalIds(draft.ExternalIds, errors);
        var consents = ValidateConsents(draft.Consents ?? [], errors);
        InputRules.ThrowIfAny(errors);

        var customer = new Customer(id, draft.Kind, displayName!, now)
        {
            PersonName = personName,
            CompanyName = companyName,
            LifecycleStage = draft.LifecycleStage,
            OwnerId = ownerId,
        };
        customer._emails.AddRange(emails);
        customer._phones.AddRange(phones);
        customer._addresses.AddRange(addresses);
        customer._tags.UnionWith(tags);
        foreach (var (key, value) in draft.CustomFields ?? ReadOnlyDictionary<string, CustomFieldValue>.Empty)
        {
            customer._customFields[key] = value;
        }

        customer._externalIds.AddRange(externalIds);
        customer.ApplyConsentHistory(consents);
        customer.Raise(new CustomerCreated(id, draft.Kind, draft.LifecycleStage));
        return customer;
    }

    /// <summary>Records the time of a save that changed the customer; the SDK calls it when saving.</summary>
    internal void Touch(Instant now) => UpdatedAt = now;

    /// <summary>The display name an erased customer shows.</summary>
    internal const string ErasedDisplayName = "[erased]";

    /// <summary>Removes the personal data (the SDK deletes the data key and the blind indexes in the same transaction).</summary>
    internal void Erase()
    {
        if (IsErased)
        {
            return;
        }

        IsErased = true;
        DisplayName = ErasedDisplayName;
        PersonName = null;
        CompanyName = null;
        _emails.Clear();
        _phones.Clear();
        _addresses.Clear();
        foreach (var key in _customFields.Where(f => f.Value is TextFieldValue).Select(f => f.Key).ToList())
        {
            _customFields.Remove(key);
        }

        Raise(new CustomerErased(Id));
    }

    /// <summary>Records that the customer is being deleted (the SDK deletes the document in the same transaction).</summary>
    internal void MarkDeleted() => Raise(new CustomerDeleted(Id));

    /// <summary>Records that <paramref name="duplicate"/> was merged into this customer.</summary>
    internal void RecordMerge(CustomerId duplicate, Guid mergeId) => Raise(new CustomerMerged(Id, duplicate, mergeId));

    /// <summary>Records that the merge of <paramref name="duplicate"/> into this customer was undone.</summary>
    internal void RecordUnmerge(CustomerId duplicate, Guid mergeId) => Raise(new CustomerUnmerged(Id, duplicate, mergeId));

    /// <summary>Rebuilds a stored customer as it was saved: no validation, no events.</summary>
    internal static Customer Restore(
        CustomerId id,
        long version,
        CustomerKind kind,
        string displayName,
        PersonName? personName,
        string? companyName,
        IEnumerable<CustomerEmail> emails,
        IEnumerable<CustomerPhone> phones,
        IEnumerable<PostalAddress> addresses,
        IEnumerable<string> tags,
        IEnumerable<KeyValuePair<string, CustomFieldValue>> customFields,
        LifecycleStage lifecycleStage,
        string? ownerId,
        IEnumerable<ExternalId> externalIds,
        IEnumerable<ConsentRecord> consentHistory,
        Instant createdAt,
        Instant updatedAt,
        bool isErased = false)
    {
        var customer = new Customer(id, kind, displayName, createdAt)
        {
            Version = version,
            IsErased = isErased,
            PersonName = personName,
            CompanyName = companyName,
            LifecycleStage = lifecycleStage,
            OwnerId = ownerId,
            UpdatedAt = updatedAt,
        };
        customer._emails.AddRange(emails);
        customer._phones.AddRange(phones);
        customer._addresses.AddRange(addresses);
        customer._tags.UnionWith(tags);
        foreach (var (key, value) in customFields)
        {
            customer._customFields[key] = value;
        }

        customer._externalIds.AddRange(externalIds);
        customer.ApplyConsentHistory(consentHistory);
        return customer;
    }
}
