namespace Crm.Sdk.Customers;

/// <summary>What a postal address is used for.</summary>
public enum AddressKind
{
    /// <summary>Where the person lives.</summary>
    Home,

    /// <summary>Where the person works, or a company's office.</summary>
    Work,

    /// <summary>Where invoices go.</summary>
    Billing,

    /// <summary>Where goods go.</summary>
    Shipping,
}
