namespace Crm.Sdk.Import;

/// <summary>What one row of a source file becomes.</summary>
public enum ImportKind
{
    /// <summary>A customer.</summary>
    Customers = 1,

    /// <summary>An interaction (purchase, refund, note, call, …) of a customer found or created by the record key.</summary>
    Interactions = 2,

    /// <summary>A deal, with its stage, of a customer found by the record key.</summary>
    Deals = 3,
}
