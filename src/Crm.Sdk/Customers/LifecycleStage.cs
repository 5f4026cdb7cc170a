namespace Crm.Sdk.Customers;

/// <summary>Where a customer stands in the relationship with the business. Any stage may follow any other.</summary>
public enum LifecycleStage
{
    /// <summary>Known contact, not yet qualified. The stage of a new customer unless the draft says otherwise.</summary>
    Lead,

    /// <summary>Qualified: a sale is being worked on.</summary>
    Prospect,

    /// <summary>Has bought.</summary>
    Customer,

    /// <summary>Has stopped buying.</summary>
    Churned,

    /// <summary>A stage the host tracks outside this list (partner, supplier, …).</summary>
    Other,
}
