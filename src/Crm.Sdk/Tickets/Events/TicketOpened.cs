using Crm.Sdk.Domain;

namespace Crm.Sdk.Tickets.Events;

/// <summary>A ticket was opened.</summary>
/// <param name="TicketId">The ticket.</param>
/// <param name="CustomerId">The customer who asks.</param>
/// <param name="Type">What the customer asks for.</param>
/// <param name="Priority">How soon it needs attention.</param>
public sealed record TicketOpened(TicketId TicketId, CustomerId CustomerId, TicketType Type, TicketPriority Priority) : DomainEvent;
