using Crm.Sdk.Domain;

namespace Crm.Sdk.Tickets.Events;

/// <summary>A ticket moved in its workflow.</summary>
/// <param name="TicketId">The ticket.</param>
/// <param name="From">The status before.</param>
/// <param name="To">The status now.</param>
public sealed record TicketStatusChanged(TicketId TicketId, TicketStatus From, TicketStatus To) : DomainEvent;
