using System.Collections.ObjectModel;

namespace Crm.Sdk.Customers;

/// <summary>
/// Everything a new customer may start with, as entered. <see cref="Customer.Create"/> checks all of it at once and
/// reports every failing field in one <see cref="CrmValidationException"/>.
/// </summary>
public sealed record CustomerDraft
{
    /// <summary>Person (default) or company.</summary>
    public CustomerKind Kind { get; init; }

    /// <summary>The name shown in lists, at most 200 characters. When blank, it is made from the person name or the company name.</summary>
    public string? DisplayName { get; init; }

    /// <summary>A person's given name (persons only).</summary>
    public string? GivenName { get; init; }

    /// <summary>A person's family name (persons only).</summary>
    public string? FamilyName { get; init; }

    /// <summary>A person's middle name (persons only).</summary>
    public string? MiddleName { get; init; }

    /// <summary>A company's name (companies only), at most 200 characters.</summary>
    public string? CompanyName { get; init; }

    /// <summary>Email addresses; the first becomes the primary one. A plain string converts to a <see cref="ContactDraft"/>.</summary>
    public IReadOnlyList<ContactDraft> Emails { get; init; } = [];

    /// <summary>Phone numbers; national numbers are read in the policy's default phone region.</summary>
    public IReadOnlyList<ContactDraft> Phones { get; init; } = [];

    /// <summary>Postal addresses.</summary>
    public IReadOnlyList<PostalAddressDraft> Addresses { get; init; } = [];

    /// <summary>Tags; normalized, duplicates collapse.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>Custom field values by key, checked against the policy's definitions.</summary>
    public IReadOnlyDictionary<string, CustomFieldValue> CustomFields { get; init; } = ReadOnlyDictionary<string, CustomFieldValue>.Empty;

    /// <summary>The lifecycle stage; <see cref="Customers.LifecycleStage.Lead"/> by default.</summary>
    public LifecycleStage LifecycleStage { get; init; } = LifecycleStage.Lead;

    /// <summary>The id of the host user who owns the customer, or <see langword="null"/>.</summary>
    public string? OwnerId { get; init; }

    /// <summary>External ids by source, for example <c>["erp"] = "C-10023"</c>.</summary>
    public IReadOnlyDictionary<string, string> ExternalIds { get; init; } = ReadOnlyDictionary<string, string>.Empty;

    /// <summary>Consent decisions already captured (for example on the sign-up form); applied in time order.</summary>
    public IReadOnlyList<ConsentRecord> Consents { get; init; } = [];
}
