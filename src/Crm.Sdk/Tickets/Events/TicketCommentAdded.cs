using Crm.Sdk.Domain;

namespace Crm.Sdk.Tickets.Events;

/// <summary>A comment was added to a ticket.</summary>
/// <param name="TicketId">The ticket.</param>
/// <param name="CommentId">The comment.</param>
/// <param name="IsInternal">Whether only agents see it.</param>
/// <param name="IsFromCustomer">Whether the customer wrote it.</param>
public sealed record TicketCommentAdded(TicketId TicketId, Guid CommentId, bool IsInternal, bool IsFromCustomer) : DomainEvent;
