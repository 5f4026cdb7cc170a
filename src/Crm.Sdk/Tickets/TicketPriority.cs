namespace Crm.Sdk.Tickets;

/// <summary>How soon a ticket needs attention, from <see cref="Low"/> to <see cref="Urgent"/>.</summary>
public enum TicketPriority
{
    /// <summary>When time allows.</summary>
    Low,

    /// <summary>The default.</summary>
    Normal,

    /// <summary>Before normal tickets.</summary>
    High,

    /// <summary>At once.</summary>
    Urgent,
}
