namespace Crm.Sdk.Tickets;

/// <summary>
/// What the caller knows about a service request before it becomes a ticket. Pass it to
/// <see cref="Ticket.Open(TicketDraft, TicketId, NodaTime.Instant)"/>, which checks every field at once.
/// </summary>
public sealed record TicketDraft
{
    /// <summary>The customer who asks. Required.</summary>
    public required CustomerId CustomerId { get; init; }

    /// <summary>What the customer asks for.</summary>
    public required TicketType Type { get; init; }

    /// <summary>A one-line summary; required, at most <see cref="Ticket.MaxSubjectLength"/> characters.</summary>
    public required string Subject { get; init; }

    /// <summary>The full request; at most <see cref="Ticket.MaxDescriptionLength"/> characters.</summary>
    public string? Description { get; init; }

    /// <summary>How soon it needs attention; <see cref="TicketPriority.Normal"/> unless given.</summary>
    public TicketPriority Priority { get; init; } = TicketPriority.Normal;

    /// <summary>The agent (a user id of the host application) to assign at once, if any; at most <see cref="Ticket.MaxUserIdLength"/> characters.</summary>
    public string? AssigneeId { get; init; }
}
