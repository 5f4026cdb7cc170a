using Crm.Sdk.Customers;

namespace Crm.Sdk.Tickets;

/// <summary>
/// Which tickets <see cref="ITicketService.ListAsync"/> and <see cref="ITicketService.StreamAsync"/> return; every
/// criterion is optional and they combine with AND.
/// </summary>
/// <remarks>
/// Order: with <see cref="IsOpen"/> set to <see langword="true"/> (the service queue) tickets come in queue order, most
/// urgent priority first and then oldest first; otherwise newest first.
/// </remarks>
public sealed record TicketFilter
{
    /// <summary>Every ticket.</summary>
    public static TicketFilter All { get; } = new();

    /// <summary>The service queue: every open ticket, in queue order.</summary>
    public static TicketFilter Open { get; } = new() { IsOpen = true };

    /// <summary>Only this customer's tickets.</summary>
    public Id<Customer>? CustomerId { get; init; }

    /// <summary>Only open (<see langword="true"/>) or only resolved and closed (<see langword="false"/>) tickets.</summary>
    public bool? IsOpen { get; init; }

    /// <summary>Only tickets assigned to this agent.</summary>
    public string? AssigneeId { get; init; }

    /// <summary>Only tickets of this priority.</summary>
    public TicketPriority? Priority { get; init; }
}
