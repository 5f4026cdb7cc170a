using Crm.Sdk.Domain;

namespace Crm.Sdk.Tickets.Events;

/// <summary>A ticket was assigned to an agent (or moved from one agent to another).</summary>
/// <param name="TicketId">The ticket.</param>
/// <param name="AssigneeId">The agent now assigned.</param>
/// <param name="PreviousAssigneeId">The agent assigned before, if any.</param>
public sealed record TicketAssigned(TicketId TicketId, string AssigneeId, string? PreviousAssigneeId) : DomainEvent;
