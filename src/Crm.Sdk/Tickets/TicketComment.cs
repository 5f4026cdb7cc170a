using NodaTime;

namespace Crm.Sdk.Tickets;

/// <summary>One comment on a ticket: public (the customer sees it) or internal (agents only).</summary>
/// <param name="Id">The comment's id (a time-ordered GUID).</param>
/// <param name="AuthorId">Who wrote it: a user id of the host application, or the customer id for a customer's comment.</param>
/// <param name="Body">The text; at most <see cref="Ticket.MaxCommentLength"/> characters.</param>
/// <param name="IsInternal">Whether only agents see it.</param>
/// <param name="IsFromCustomer">Whether the customer wrote it (see <see cref="Ticket.AddCustomerComment(string)"/>).</param>
/// <param name="CreatedAt">When it was written.</param>
public sealed record TicketComment(Guid Id, string AuthorId, string Body, bool IsInternal, bool IsFromCustomer, Instant CreatedAt);
