namespace Crm.Sdk.Customers;

/// <summary>Whether a customer is a natural person or an organization.</summary>
public enum CustomerKind
{
    /// <summary>A natural person; may carry a <see cref="PersonName"/>.</summary>
    Person,

    /// <summary>A company or other organization; may carry a <see cref="Customer.CompanyName"/>.</summary>
    Company,
}
