using Crm.Sdk.Domain;

namespace Crm.Sdk.Interactions.Events;

/// <summary>An interaction was linked to a ticket (or moved from one ticket to another).</summary>
/// <param name="InteractionId">The interaction.</param>
/// <param name="TicketId">The ticket it is linked to now.</param>
/// <param name="PreviousTicketId">The ticket it was linked to before, if any.</param>
public sealed record InteractionLinkedToTicket(InteractionId InteractionId, TicketId TicketId, TicketId? PreviousTicketId) : DomainEvent;
