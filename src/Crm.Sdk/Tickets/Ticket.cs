using System.Globalization;
using Crm.Sdk.Domain;
using Crm.Sdk.Tickets.Events;
using NodaTime;

namespace Crm.Sdk.Tickets;

/// <summary>
/// A service request from a customer: an inquiry, complaint, after-sales or technical request with a priority,
/// a status workflow (see <see cref="TicketWorkflow"/>), an assignee, public and internal comments and, once
/// resolved, a satisfaction rating.
/// </summary>
/// <remarks>
/// <para>Every method checks all of its rules before it changes anything: a method that throws leaves the ticket as it was.</para>
/// <para>A <see cref="TicketStatus.Closed"/> ticket is finished: it can only be reopened, or rated once if it was never rated
/// (rule <c>ticket-closed</c> for anything else).</para>
/// <para>Methods that record a moment take it as an <see cref="Instant"/>, which must not be before <see cref="CreatedAt"/>
/// (rule <c>before-created</c> on field <c>At</c>); <see cref="UpdatedAt"/> only moves forward.</para>
/// </remarks>
public sealed class Ticket : AggregateRoot<Ticket>
{
    /// <summary>The longest subject accepted.</summary>
    public const int MaxSubjectLength = 300;

    /// <summary>The longest description accepted.</summary>
    public const int MaxDescriptionLength = 100_000;

    /// <summary>The longest comment accepted.</summary>
    public const int MaxCommentLength = 50_000;

    /// <summary>The longest rating comment accepted.</summary>
    public const int MaxRatingCommentLength = 10_000;

    /// <summary>The longest assignee or author id accepted.</summary>
    public const int MaxUserIdLength = 100;

    /// <summary>The lowest satisfaction rating.</summary>
    public const int MinRating = 1;

    /// <summary>The highest satisfaction rating.</summary>
    public const int MaxRating = 5;

    private const string EntityName = "Ticket";

    private readonly List<TicketComment> _comments;

    private Ticket(TicketId id, CustomerId customerId, TicketType type, string subject, string? description, TicketPriority priority, Instant createdAt, List<TicketComment> comments)
        : base(id)
    {
        CustomerId = customerId;
        Type = type;
        Subject = subject;
        Description = description;
        Priority = priority;
        CreatedAt = createdAt;
        UpdatedAt = createdAt;
        _comments = comments;
        Comments = _comments.AsReadOnly();
    }

    /// <summary>The customer who asks.</summary>
    public CustomerId CustomerId { get; private set; }

    /// <summary>What the customer asks for.</summary>
    public TicketType Type { get; }

    /// <summary>
    /// Whether the customer was erased and the ticket's encrypted text (subject, description, comment bodies, satisfaction
    /// comment) is gone for good; the subject and comment bodies then read <c>[erased]</c>. Status, times and ratings remain.
    /// </summary>
    public bool IsErased { get; private init; }

    /// <summary>The one-line summary.</summary>
    public string Subject { get; }

    /// <summary>The full request, if given.</summary>
    public string? Description { get; }

    /// <summary>How soon it needs attention.</summary>
    public TicketPriority Priority { get; private set; }

    /// <summary>Where the ticket is in its workflow.</summary>
    public TicketStatus Status { get; private set; }

    /// <summary>Whether the ticket still needs work (any status but resolved or closed).</summary>
    public bool IsOpen => TicketWorkflow.IsOpen(Status);

    /// <summary>The agent working on it (a user id of the host application), if any.</summary>
    public string? AssigneeId { get; private set; }

    /// <summary>The comments, oldest added first.</summary>
    public IReadOnlyList<TicketComment> Comments { get; }

    /// <summary>The customer's rating, once given.</summary>
    public TicketSatisfaction? Satisfaction { get; private set; }

    /// <summary>When the ticket was opened.</summary>
    public Instant CreatedAt { get; }

    /// <summary>When the ticket last changed; never before <see cref="CreatedAt"/> and never moves back.</summary>
    public Instant UpdatedAt { get; private set; }

    /// <summary>When the ticket was last resolved; set once it has ever been resolved, and kept when it is reopened.</summary>
    public Instant? ResolvedAt { get; private set; }

    /// <summary>When the ticket was last closed; set once it has ever been closed, and kept when it is reopened.</summary>
    public Instant? ClosedAt { get; private set; }

    /// <summary>The time of the earliest public comment by an agent (not internal, not the customer's): the first response, for SLAs.</summary>
    public Instant? FirstResponseAt { get; private set; }

    /// <summary>How many times the ticket was reopened.</summary>
    public int ReopenCount { get; private set; }

    /// <summary>Opens a ticket in status <see cref="TicketStatus.New"/>, checking every field of the draft first. Raises <see cref="TicketOpened"/>.</summary>
    /// <param name="draft">The request.</param>
    /// <param name="id">The new ticket's id, usually <see cref="TicketId.New(Instant)"/>.</param>
    /// <param name="createdAt">The current time.</param>
    /// <returns>The new ticket, not yet saved.</returns>
    /// <exception cref="CrmValidationException">
    /// The draft breaks one or more rules, all listed: <c>CustomerId</c>/<c>required</c>, <c>Subject</c>/<c>required</c> or
    /// <c>max-length</c>, <c>Description</c>/<c>max-length</c>, <c>Type</c> or <c>Priority</c>/<c>undefined-value</c>,
    /// <c>AssigneeId</c>/<c>required</c> (blank) or <c>max-length</c>.
    /// </exception>
    internal static Ticket Open(TicketDraft draft, TicketId id, Instant createdAt)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var errors = new List<ValidationError>();
        if (id.Value == Guid.Empty)
        {
            errors.Add(new ValidationError("Id", "invalid-id", "The ticket id is empty."));
        }

        if (draft.CustomerId.Value == Guid.Empty)
        {
            errors.Add(new ValidationError("CustomerId", "required", "A ticket needs the customer who asks."));
        }

        InputRules.Defined(draft.Type, "Type", errors);
        InputRules.Defined(draft.Priority, "Priority", errors);
        CheckText(draft.Subject, "Subject", MaxSubjectLength, required: true, errors);
        CheckText(draft.Description, "Description", MaxDescriptionLength, required: false, errors, multiline: true);
        if (draft.AssigneeId is not null)
        {
            CheckText(draft.AssigneeId, "AssigneeId", MaxUserIdLength, required: true, errors);
        }

        InputRules.ThrowIfAny(errors);
        var ticket = new Ticket(id, draft.CustomerId, draft.Type, draft.Subject, draft.Description, draft.Priority, createdAt, [])
        {
            AssigneeId = draft.AssigneeId,
        };
        ticket.Raise(new TicketOpened(id, draft.CustomerId, draft.Type, draft.Priority));
        return ticket;
    }

    /// <summary>Assigns the ticket to an agent, replacing any other. Assigning the current agent changes nothing. Raises <see cref="TicketAssigned"/>.</summary>
    /// <param name="assigneeId">The agent's user id in the host application.</param>
    /// <exception cref="CrmValidationException">The id is blank (<c>required</c>) or too long (<c>max-length</c>).</exception>
    /// <exception cref="DomainRuleException">The ticket is closed (<c>ticket-closed</c>).</exception>
    public void Assign(string assigneeId)
    {
        var errors = new List<ValidationError>();
        CheckText(assigneeId, "AssigneeId", MaxUserIdLength, required: true, errors);
        InputRules.ThrowIfAny(errors);
        EnsureNotClosed("assigned");
        if (string.Equals(AssigneeId, assigneeId, StringComparison.Ordinal))
        {
            return;
        }

        var previous = AssigneeId;
        AssigneeId = assigneeId;
        Raise(new TicketAssigned(Id, assigneeId, previous));
    }

    /// <summary>Removes the assigned agent. Does nothing when nobody is assigned. Raises <see cref="TicketUnassigned"/>.</summary>
    /// <exception cref="DomainRuleException">The ticket is closed (<c>ticket-closed</c>).</exception>
    public void Unassign()
    {
        EnsureNotClosed("unassigned");
        if (AssigneeId is not { } previous)
        {
            return;
        }

        AssigneeId = null;
        Raise(new TicketUnassigned(Id, previous));
    }

    /// <summary>
    /// Adds an agent's comment. A public (not internal) comment earlier than any before it becomes the
    /// <see cref="FirstResponseAt"/>. Raises <see cref="TicketCommentAdded"/>.
    /// </summary>
    /// <param name="authorId">The agent's user id in the host application.</param>
    /// <param name="body">The text.</param>
    /// <param name="isInternal">Whether only agents see it.</param>
    /// <returns>The comment added.</returns>
    /// <exception cref="CrmValidationException">
    /// <c>AuthorId</c> or <c>Body</c> is blank (<c>required</c>) or too long (<c>max-length</c>), or <c>At</c> is before the ticket was created (<c>before-created</c>).
    /// </exception>
    /// <exception cref="DomainRuleException">The ticket is closed (<c>ticket-closed</c>).</exception>
    public TicketComment AddComment(string authorId, string body, bool isInternal) =>
        AddComment(authorId, body, isInternal, Now());

    /// <summary>
    /// Adds an agent's comment. A public (not internal) comment earlier than any before it becomes the
    /// <see cref="FirstResponseAt"/>. Raises <see cref="TicketCommentAdded"/>.
    /// </summary>
    /// <param name="authorId">The agent's user id in the host application.</param>
    /// <param name="body">The text.</param>
    /// <param name="isInternal">Whether only agents see it.</param>
    /// <param name="at">When it was written.</param>
    /// <returns>The comment added.</returns>
    /// <exception cref="CrmValidationException">
    /// <c>AuthorId</c> or <c>Body</c> is blank (<c>required</c>) or too long (<c>max-length</c>), or <c>At</c> is before the ticket was created (<c>before-created</c>).
    /// </exception>
    /// <exception cref="DomainRuleException">The ticket is closed (<c>ticket-closed</c>).</exception>
    internal TicketComment AddComment(string authorId, string body, bool isInternal, Instant at)
    {
        var errors = new List<ValidationError>();
        CheckText(authorId, "AuthorId", MaxUserIdLength, required: true, errors);
        return AppendComment(authorId, body, isInternal, isFromCustomer: false, at, errors);
    }

    /// <summary>
    /// Adds a public comment written by the customer (a reply by email or through a portal). Its author is the
    /// <see cref="CustomerId"/>; it never counts as a first response. Raises <see cref="TicketCommentAdded"/>.
    /// </summary>
    /// <param name="body">The text.</param>
    /// <returns>The comment added.</returns>
    /// <exception cref="CrmValidationException"><c>Body</c> is blank or too long, or <c>At</c> is before the ticket was created.</exception>
    /// <exception cref="DomainRuleException">The ticket is closed (<c>ticket-closed</c>).</exception>
    public TicketComment AddCustomerComment(string body) =>
        AddCustomerComment(body, Now());

    /// <summary>
    /// Adds a public comment written by the customer (a reply by email or through a portal). Its author is the
    /// <see cref="CustomerId"/>; it never counts as a first response. Raises <see cref="TicketCommentAdded"/>.
    /// </summary>
    /// <param name="body">The text.</param>
    /// <param name="at">When it was written.</param>
    /// <returns>The comment added.</returns>
    /// <exception cref="CrmValidationException"><c>Body</c> is blank or too long, or <c>At</c> is before the ticket was created.</exception>
    /// <exception cref="DomainRuleException">The ticket is closed (<c>ticket-closed</c>).</exception>
    internal TicketComment AddCustomerComment(string body, Instant at) =>
        AppendComment(CustomerId.ToString(), body, isInternal: false, isFromCustomer: true, at, []);

    /// <summary>
    /// Moves the ticket in its workflow (see <see cref="TicketWorkflow"/> for the allowed moves). Moving to
    /// <see cref="TicketStatus.Resolved"/> sets <see cref="ResolvedAt"/>, to <see cref="TicketStatus.Closed"/> sets
    /// <see cref="ClosedAt"/>, to <see cref="TicketStatus.Reopened"/> counts in <see cref="ReopenCount"/>.
    /// Raises <see cref="TicketStatusChanged"/>. Moving to the current status changes nothing and raises nothing.
    /// </summary>
    /// <param name="to">The wanted status.</param>
    /// <exception cref="CrmValidationException"><c>Status</c> is not a status (<c>undefined-value</c>), or <c>At</c> is before the ticket was created.</exception>
    /// <exception cref="InvalidStatusTransitionException">The workflow does not allow the move.</exception>
    public void ChangeStatus(TicketStatus to) =>
        ChangeStatus(to, Now());

    /// <summary>
    /// Moves the ticket in its workflow (see <see cref="TicketWorkflow"/> for the allowed moves). Moving to
    /// <see cref="TicketStatus.Resolved"/> sets <see cref="ResolvedAt"/>, to <see cref="TicketStatus.Closed"/> sets
    /// <see cref="ClosedAt"/>, to <see cref="TicketStatus.Reopened"/> counts in <see cref="ReopenCount"/>.
    /// Raises <see cref="TicketStatusChanged"/>. Moving to the current status changes nothing and raises nothing.
    /// </summary>
    /// <param name="to">The wanted status.</param>
    /// <param name="at">When the move happened.</param>
    /// <exception cref="CrmValidationException"><c>Status</c> is not a status (<c>undefined-value</c>), or <c>At</c> is before the ticket was created.</exception>
    /// <exception cref="InvalidStatusTransitionException">The workflow does not allow the move.</exception>
    internal void ChangeStatus(TicketStatus to, Instant at)
    {
        var errors = new List<ValidationError>();
        InputRules.Defined(to, "Status", errors);
        CheckAt(at, errors);
        InputRules.ThrowIfAny(errors);
        if (to == Status)
        {
            return;
        }

        if (!TicketWorkflow.CanMove(Status, to))
        {
            throw new InvalidStatusTransitionException(EntityName, Status.ToString(), to.ToString());
        }

        var from = Status;
        Status = to;
        switch (to)
        {
            case TicketStatus.Resolved:
                ResolvedAt = at;
                break;
            case TicketStatus.Closed:
                ClosedAt = at;
                break;
            case TicketStatus.Reopened:
                ReopenCount++;
                break;
        }

        Touch(at);
        Raise(new TicketStatusChanged(Id, from, to));
    }

    /// <summary>Marks the ticket resolved: <see cref="ChangeStatus(TicketStatus)"/> to <see cref="TicketStatus.Resolved"/>.</summary>
    /// <exception cref="InvalidStatusTransitionException">The ticket is closed (resolving a resolved ticket changes nothing).</exception>
    public void Resolve() =>
        Resolve(Now());

    /// <summary>Marks the ticket resolved: <see cref="ChangeStatus(TicketStatus)"/> to <see cref="TicketStatus.Resolved"/>.</summary>
    /// <param name="at">When it was resolved.</param>
    /// <exception cref="InvalidStatusTransitionException">The ticket is closed (resolving a resolved ticket changes nothing).</exception>
    internal void Resolve(Instant at) => ChangeStatus(TicketStatus.Resolved, at);

    /// <summary>Closes the ticket: <see cref="ChangeStatus(TicketStatus)"/> to <see cref="TicketStatus.Closed"/> (from new or resolved only).</summary>
    /// <exception cref="InvalidStatusTransitionException">The ticket is in work (closing a closed ticket changes nothing).</exception>
    public void Close() =>
        Close(Now());

    /// <summary>Closes the ticket: <see cref="ChangeStatus(TicketStatus)"/> to <see cref="TicketStatus.Closed"/> (from new or resolved only).</summary>
    /// <param name="at">When it was closed.</param>
    /// <exception cref="InvalidStatusTransitionException">The ticket is in work (closing a closed ticket changes nothing).</exception>
    internal void Close(Instant at) => ChangeStatus(TicketStatus.Closed, at);

    /// <summary>Reopens a resolved or closed ticket: <see cref="ChangeStatus(TicketStatus)"/> to <see cref="TicketStatus.Reopened"/>.</summary>
    /// <exception cref="InvalidStatusTransitionException">The ticket is neither resolved nor closed (reopening a reopened ticket changes nothing).</exception>
    public void Reopen() =>
        Reopen(Now());

    /// <summary>Reopens a resolved or closed ticket: <see cref="ChangeStatus(TicketStatus)"/> to <see cref="TicketStatus.Reopened"/>.</summary>
    /// <param name="at">When it was reopened.</param>
    /// <exception cref="InvalidStatusTransitionException">The ticket is neither resolved nor closed (reopening a reopened ticket changes nothing).</exception>
    internal void Reopen(Instant at) => ChangeStatus(TicketStatus.Reopened, at);

    /// <summary>Changes the priority. Setting the current priority changes nothing. Raises <see cref="TicketPriorityChanged"/>.</summary>
    /// <param name="priority">The new priority.</param>
    /// <exception cref="CrmValidationException"><c>Priority</c> is not a priority (<c>undefined-value</c>).</exception>
    /// <exception cref="DomainRuleException">The ticket is closed (<c>ticket-closed</c>).</exception>
    public void ChangePriority(TicketPriority priority)
    {
        var errors = new List<ValidationError>();
        InputRules.Defined(priority, "Priority", errors);
        InputRules.ThrowIfAny(errors);
        EnsureNotClosed("re-prioritized");
        if (Priority == priority)
        {
            return;
        }

        var from = Priority;
        Priority = priority;
        Raise(new TicketPriorityChanged(Id, from, priority));
    }

    /// <summary>
    /// Records the customer's satisfaction rating. Accepted only while the ticket is resolved or closed.
    /// Re-rating: while the ticket is <see cref="TicketStatus.Resolved"/> a new rating replaces the old one;
    /// once it is <see cref="TicketStatus.Closed"/> a given rating is final (a closed ticket that was never rated
    /// can still be rated once). A reopened ticket keeps its rating until it is rated again after the next resolution.
    /// Raises <see cref="TicketRated"/>.
    /// </summary>
    /// <param name="rating">From 1 to 5.</param>
    /// <param name="comment">The customer's words, if any.</param>
    /// <exception cref="CrmValidationException">
    /// <c>Rating</c> is outside 1–5 (<c>rating-range</c>), <c>Comment</c> is too long (<c>max-length</c>), or <c>At</c> is before the ticket was created.
    /// </exception>
    /// <exception cref="DomainRuleException">
    /// The ticket is neither resolved nor closed (<c>ticket-not-resolved</c>), or it is closed and already rated (<c>ticket-rating-final</c>).
    /// </exception>
    public void Rate(int rating, string? comment) =>
        Rate(rating, comment, Now());

    /// <summary>
    /// Records the customer's satisfaction rating. Accepted only while the ticket is resolved or closed.
    /// Re-rating: while the ticket is <see cref="TicketStatus.Resolved"/> a new rating replaces the old one;
    /// once it is <see cref="TicketStatus.Closed"/> a given rating is final (a closed ticket that was never rated
    /// can still be rated once). A reopened ticket keeps its rating until it is rated again after the next resolution.
    /// Raises <see cref="TicketRated"/>.
    /// </summary>
    /// <param name="rating">From 1 to 5.</param>
    /// <param name="comment">The customer's words, if any.</param>
    /// <param name="at">When the rating was given.</param>
    /// <exception cref="CrmValidationException">
    /// <c>Rating</c> is outside 1–5 (<c>rating-range</c>), <c>Comment</c> is too long (<c>max-length</c>), or <c>At</c> is before the ticket was created.
    /// </exception>
    /// <exception cref="DomainRuleException">
    /// The ticket is neither resolved nor closed (<c>ticket-not-resolved</c>), or it is closed and already rated (<c>ticket-rating-final</c>).
    /// </exception>
    internal void Rate(int rating, string? comment, Instant at)
    {
        var errors = new List<ValidationError>();
        if (rating is < MinRating or > MaxRating)
        {
            errors.Add(new ValidationError(
                "Rating",
                "rating-range",
                string.Create(CultureInfo.InvariantCulture, $"A satisfaction rating lies between {MinRating} and {MaxRating}; it was {rating}.")));
        }

        CheckText(comment, "Comment", MaxRatingCommentLength, required: false, errors, multiline: true);
        CheckAt(at, errors);
        InputRules.ThrowIfAny(errors);
        if (Status is not (TicketStatus.Resolved or TicketStatus.Closed))
        {
            throw new DomainRuleException("ticket-not-resolved", $"Ticket '{Id}' is {Status}: only a resolved or closed ticket can be rated.");
        }

        if (Status == TicketStatus.Closed && Satisfaction is not null)
        {
            throw new DomainRuleException("ticket-rating-final", $"Ticket '{Id}' is closed and already rated; its rating is final.");
        }

        var previous = Satisfaction?.Rating;
        Satisfaction = new TicketSatisfaction(rating, comment, at);
        Touch(at);
        Raise(new TicketRated(Id, rating, previous));
    }

    /// <summary>Moves <see cref="UpdatedAt"/> forward to <paramref name="now"/>; an earlier instant leaves it as it is.</summary>
    /// <param name="now">The time of the change.</param>
    internal void Touch(Instant now)
    {
        if (now > UpdatedAt)
        {
            UpdatedAt = now;
        }
    }

    /// <summary>Restores a stored ticket without validation and without events.</summary>
    /// <summary>A copy without the personal text (subject, description, comment bodies, satisfaction comment), for erasure without encryption.</summary>
    internal Ticket WithContentErased() => Restore(new TicketState(
        Id, Version, CustomerId, Type, ErasedText, null, Priority, Status, AssigneeId,
        [.. Comments.Select(c => c with { Body = ErasedText })],
        Satisfaction is { } satisfaction ? satisfaction with { Comment = null } : null,
        CreatedAt, UpdatedAt, ResolvedAt, ClosedAt, FirstResponseAt, ReopenCount, IsErased: true));

    /// <summary>The text that stands for erased subjects and comment bodies.</summary>
    internal const string ErasedText = "[erased]";

    internal static Ticket Restore(TicketState state) =>
        new(state.Id, state.CustomerId, state.Type, state.Subject, state.Description, state.Priority, state.CreatedAt, [.. state.Comments])
        {
            Version = state.Version,
            Status = state.Status,
            AssigneeId = state.AssigneeId,
            Satisfaction = state.Satisfaction,
            UpdatedAt = state.UpdatedAt,
            ResolvedAt = state.ResolvedAt,
            ClosedAt = state.ClosedAt,
            FirstResponseAt = state.FirstResponseAt,
            ReopenCount = state.ReopenCount,
            IsErased = state.IsErased,
        };

    private TicketComment AppendComment(string authorId, string body, bool isInternal, bool isFromCustomer, Instant at, List<ValidationError> errors)
    {
        CheckText(body, "Body", MaxCommentLength, required: true, errors, multiline: true);
        CheckAt(at, errors);
        InputRules.ThrowIfAny(errors);
        EnsureNotClosed("commented on");
        var comment = new TicketComment(Guid.CreateVersion7(at.ToDateTimeOffset()), authorId, body, isInternal, isFromCustomer, at);
        _comments.Add(comment);
        if (!isInternal && !isFromCustomer && (FirstResponseAt is null || at < FirstResponseAt))
        {
            FirstResponseAt = at;
        }

        Touch(at);
        Raise(new TicketCommentAdded(Id, comment.Id, isInternal, isFromCustomer));
        return comment;
    }

    private void EnsureNotClosed(string action)
    {
        if (Status == TicketStatus.Closed)
        {
            throw new DomainRuleException("ticket-closed", $"Ticket '{Id}' is closed and cannot be {action}; reopen it first.");
        }
    }

    private void CheckAt(Instant at, List<ValidationError> errors)
    {
        if (at < CreatedAt)
        {
            errors.Add(new ValidationError("At", "before-created", $"{at} is before the ticket was created ({CreatedAt})."));
        }
    }

    private static void CheckText(string? value, string field, int maxLength, bool required, List<ValidationError> errors, bool multiline = false)
    {
        if (InputRules.IsBlank(value))
        {
            if (required)
            {
                errors.Add(new ValidationError(field, "required", $"{field} must not be blank."));
            }

            return;
        }

        InputRules.Check(value, field, maxLength, errors, multiline);
    }

    /// <summary>Moves the record to another customer (a merge re-points it to the survivor, its undo back); raises no event.</summary>
    internal void MoveToCustomer(CustomerId customerId) => CustomerId = customerId;
}
