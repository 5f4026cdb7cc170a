using Crm.Sdk.Domain;

namespace Crm.Sdk.Tickets.Events;

/// <summary>A ticket's agent was removed.</summary>
/// <param name="TicketId">The ticket.</param>
/// <param name="PreviousAssigneeId">The agent assigned before.</param>
public sealed record TicketUnassigned(TicketId TicketId, string PreviousAssigneeId) : DomainEvent;
