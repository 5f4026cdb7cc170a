using NodaTime;

namespace Crm.Sdk.Tickets;

/// <summary>Everything stored about a ticket, for restoring it from a document.</summary>
internal sealed record TicketState(
    TicketId Id,
    long Version,
    CustomerId CustomerId,
    TicketType Type,
    string Subject,
    string? Description,
    TicketPriority Priority,
    TicketStatus Status,
    string? AssigneeId,
    IReadOnlyList<TicketComment> Comments,
    TicketSatisfaction? Satisfaction,
    Instant CreatedAt,
    Instant UpdatedAt,
    Instant? ResolvedAt,
    Instant? ClosedAt,
    Instant? FirstResponseAt,
    int ReopenCount,
    bool IsErased = false);
