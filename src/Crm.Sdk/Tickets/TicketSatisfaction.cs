using NodaTime;

namespace Crm.Sdk.Tickets;

/// <summary>The customer's satisfaction rating of a resolved ticket.</summary>
/// <param name="Rating">From 1 (very unhappy) to 5 (very happy).</param>
/// <param name="Comment">The customer's words, if any; at most <see cref="Ticket.MaxRatingCommentLength"/> characters.</param>
/// <param name="RatedAt">When the rating was given.</param>
public sealed record TicketSatisfaction(int Rating, string? Comment, Instant RatedAt);
