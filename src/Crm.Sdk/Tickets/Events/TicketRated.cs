using Crm.Sdk.Domain;

namespace Crm.Sdk.Tickets.Events;

/// <summary>The customer rated a resolved ticket (or changed the rating).</summary>
/// <param name="TicketId">The ticket.</param>
/// <param name="Rating">The rating, 1 to 5.</param>
/// <param name="PreviousRating">The rating before, if any.</param>
public sealed record TicketRated(TicketId TicketId, int Rating, int? PreviousRating) : DomainEvent;
