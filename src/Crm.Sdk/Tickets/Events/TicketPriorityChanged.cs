using Crm.Sdk.Domain;

namespace Crm.Sdk.Tickets.Events;

/// <summary>A ticket's priority changed.</summary>
/// <param name="TicketId">The ticket.</param>
/// <param name="From">The priority before.</param>
/// <param name="To">The priority now.</param>
public sealed record TicketPriorityChanged(TicketId TicketId, TicketPriority From, TicketPriority To) : DomainEvent;
