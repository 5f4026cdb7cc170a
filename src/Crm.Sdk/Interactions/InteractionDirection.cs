namespace Crm.Sdk.Interactions;

/// <summary>Who started an interaction.</summary>
public enum InteractionDirection
{
    /// <summary>The customer reached the business (an incoming email, a purchase, feedback).</summary>
    Inbound,

    /// <summary>The business reached the customer (an outgoing call, a campaign email).</summary>
    Outbound,

    /// <summary>Within the business only (a note, an internal meeting about the customer).</summary>
    Internal,
}
