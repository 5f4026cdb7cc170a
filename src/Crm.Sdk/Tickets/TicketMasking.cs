using Crm.Sdk.Security;

namespace Crm.Sdk.Tickets;

/// <summary>
/// A ticket as an actor who does not see personal data reads it: subject, description, comment bodies and the
/// satisfaction comment as <c>***</c> (<see cref="PersonalDataMask.Text"/>); type, priority, status, assignee, comment
/// authors and flags, rating and times as they are. An erased ticket's <c>[erased]</c> subject is kept.
/// </summary>
internal static class TicketMasking
{
    /// <summary>A masked copy of <paramref name="ticket"/>, marked <see cref="Domain.AggregateRoot{T}.IsMasked"/>; the ticket itself is not changed.</summary>
    /// <param name="ticket">The ticket as stored.</param>
    /// <returns>The masked copy.</returns>
    public static Ticket Mask(Ticket ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var masked = Ticket.Restore(new TicketState(
            ticket.Id,
            ticket.Version,
            ticket.CustomerId,
            ticket.Type,
            ticket.IsErased ? ticket.Subject : PersonalDataMask.Text(ticket.Subject),
            PersonalDataMask.Text(ticket.Description),
            ticket.Priority,
            ticket.Status,
            ticket.AssigneeId,
            [.. ticket.Comments.Select(c => c with { Body = ticket.IsErased ? c.Body : PersonalDataMask.Text(c.Body) })],
            ticket.Satisfaction is { } satisfaction ? satisfaction with { Comment = PersonalDataMask.Text(satisfaction.Comment) } : null,
            ticket.CreatedAt,
            ticket.UpdatedAt,
            ticket.ResolvedAt,
            ticket.ClosedAt,
            ticket.FirstResponseAt,
            ticket.ReopenCount,
            ticket.IsErased));
        masked.Clock = ticket.Clock;
        masked.IsMasked = true;
        return masked;
    }
}
