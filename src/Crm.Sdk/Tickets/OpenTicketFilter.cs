namespace Crm.Sdk.Tickets;

/// <summary>Which open tickets to list.</summary>
public sealed record OpenTicketFilter
{
    /// <summary>Every open ticket.</summary>
    public static OpenTicketFilter All { get; } = new();

    /// <summary>Only tickets assigned to this agent.</summary>
    public string? AssigneeId { get; init; }

    /// <summary>Only tickets of this priority.</summary>
    public TicketPriority? Priority { get; init; }
}
