using System.Collections.ObjectModel;
using Crm.Sdk.Domain;
using Crm.Sdk.Interactions.Events;
using NodaTime;

namespace Crm.Sdk.Interactions;

/// <summary>
/// One thing that happened between the business and a customer: an email, call, chat, meeting or note;
/// a purchase or refund; feedback; a behaviour event. Interactions are append-mostly: once recorded, only
/// their links to a deal or a ticket change.
/// </summary>
/// <remarks>
/// The <see cref="Kind"/> decides the detail: <see cref="Transaction"/> for <see cref="InteractionKind.Purchase"/> and
/// <see cref="InteractionKind.Refund"/>, <see cref="Feedback"/> for <see cref="InteractionKind.Feedback"/>,
/// <see cref="BehaviourEvent"/> for <see cref="InteractionKind.BehaviourEvent"/>; the other details are always
/// <see langword="null"/>.
/// </remarks>
public sealed class Interaction : AggregateRoot<Interaction>
{
    /// <summary>The longest subject accepted.</summary>
    public const int MaxSubjectLength = 500;

    /// <summary>The longest body accepted.</summary>
    public const int MaxBodyLength = 100_000;

    /// <summary>The most participants accepted.</summary>
    public const int MaxParticipants = 100;

    private Interaction(
        InteractionId id,
        CustomerId customerId,
        InteractionKind kind,
        InteractionChannel channel,
        InteractionDirection direction,
        Instant occurredAt,
        Instant recordedAt,
        string? subject,
        string? body,
        IReadOnlyList<Participant> participants,
        TransactionDetail? transaction,
        FeedbackDetail? feedback,
        BehaviourEventDetail? behaviourEvent,
        DealId? dealId,
        TicketId? ticketId)
        : base(id)
    {
        CustomerId = customerId;
        Kind = kind;
        Channel = channel;
        Direction = direction;
        OccurredAt = occurredAt;
        RecordedAt = recordedAt;
        Subject = subject;
        Body = body;
        Participants = participants;
        Transaction = transaction;
        Feedback = feedback;
        BehaviourEvent = behaviourEvent;
        DealId = dealId;
        TicketId = ticketId;
    }

    /// <summary>The customer the interaction was with.</summary>
    public CustomerId CustomerId { get; private set; }

    /// <summary>What happened.</summary>
    public InteractionKind Kind { get; }

    /// <summary>
    /// Whether the customer was erased and the interaction's encrypted content (subject, body, participants, feedback
    /// comment) is gone for good; those members are then <see langword="null"/> or empty. Kind, times and amounts remain.
    /// </summary>
    public bool IsErased { get; private init; }

    /// <summary>The medium.</summary>
    public InteractionChannel Channel { get; }

    /// <summary>Who started it.</summary>
    public InteractionDirection Direction { get; }

    /// <summary>When it happened.</summary>
    public Instant OccurredAt { get; }

    /// <summary>When it was recorded in the CRM.</summary>
    public Instant RecordedAt { get; }

    /// <summary>The subject or title, if any.</summary>
    public string? Subject { get; }

    /// <summary>The content, if any.</summary>
    public string? Body { get; }

    /// <summary>Who took part, in the order given.</summary>
    public IReadOnlyList<Participant> Participants { get; }

    /// <summary>The order reference and amount of a purchase or refund; otherwise <see langword="null"/>.</summary>
    public TransactionDetail? Transaction { get; }

    /// <summary>The content of feedback; otherwise <see langword="null"/>.</summary>
    public FeedbackDetail? Feedback { get; }

    /// <summary>The name and properties of a behaviour event; otherwise <see langword="null"/>.</summary>
    public BehaviourEventDetail? BehaviourEvent { get; }

    /// <summary>The deal this interaction belongs to, if any.</summary>
    public DealId? DealId { get; private set; }

    /// <summary>The ticket this interaction belongs to, if any.</summary>
    public TicketId? TicketId { get; private set; }

    /// <summary>
    /// Records an interaction, checking every field of the draft first. Raises <see cref="InteractionRecorded"/>.
    /// </summary>
    /// <param name="draft">What happened.</param>
    /// <param name="id">The new interaction's id, usually <see cref="InteractionId.New(Instant)"/>.</param>
    /// <param name="recordedAt">The current time; also the occurrence time when the draft gives none.</param>
    /// <returns>The recorded interaction, not yet saved.</returns>
    /// <exception cref="CrmValidationException">
    /// The draft breaks one or more rules; <see cref="CrmValidationException.Errors"/> lists all of them, for example
    /// <c>Transaction</c>/<c>required-for-kind</c>, <c>Transaction.Amount</c>/<c>amount-positive</c>,
    /// <c>Feedback.Rating</c>/<c>rating-range</c>, <c>Subject</c>/<c>max-length</c>.
    /// </exception>
    internal static Interaction Record(InteractionDraft draft, InteractionId id, Instant recordedAt)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var errors = InteractionValidator.Validate(draft);
        if (id.Value == Guid.Empty)
        {
            errors.Insert(0, new ValidationError("Id", "invalid-id", "The interaction id is empty."));
        }

        if (errors.Count > 0)
        {
            throw new CrmValidationException(errors);
        }

        var interaction = new Interaction(
            id,
            draft.CustomerId,
            draft.Kind,
            draft.Channel,
            draft.Direction,
            draft.OccurredAt ?? recordedAt,
            recordedAt,
            draft.Subject,
            draft.Body,
            CopyParticipants(draft.Participants),
            draft.Transaction,
            draft.Feedback,
            CopyEvent(draft.BehaviourEvent),
            draft.DealId,
            draft.TicketId);
        interaction.Raise(new InteractionRecorded(id, draft.CustomerId, draft.Kind));
        return interaction;
    }

    /// <summary>
    /// Links the interaction to a deal, replacing any previous link. Linking to the deal it already belongs to
    /// changes nothing; otherwise raises <see cref="InteractionLinkedToDeal"/>.
    /// </summary>
    /// <param name="dealId">The deal.</param>
    /// <exception cref="CrmValidationException">The id is empty (<c>DealId</c>/<c>invalid-id</c>).</exception>
    internal void LinkToDeal(DealId dealId)
    {
        if (dealId.Value == Guid.Empty)
        {
            throw new CrmValidationException("DealId", "invalid-id", "The deal id is empty.");
        }

        if (DealId == dealId)
        {
            return;
        }

        var previous = DealId;
        DealId = dealId;
        Raise(new InteractionLinkedToDeal(Id, dealId, previous));
    }

    /// <summary>
    /// Links the interaction to a ticket, replacing any previous link. Linking to the ticket it already belongs to
    /// changes nothing; otherwise raises <see cref="InteractionLinkedToTicket"/>.
    /// </summary>
    /// <param name="ticketId">The ticket.</param>
    /// <exception cref="CrmValidationException">The id is empty (<c>TicketId</c>/<c>invalid-id</c>).</exception>
    internal void LinkToTicket(TicketId ticketId)
    {
        if (ticketId.Value == Guid.Empty)
        {
            throw new CrmValidationException("TicketId", "invalid-id", "The ticket id is empty.");
        }

        if (TicketId == ticketId)
        {
            return;
        }

        var previous = TicketId;
        TicketId = ticketId;
        Raise(new InteractionLinkedToTicket(Id, ticketId, previous));
    }

    /// <summary>The inclusive range of a rating on a scale.</summary>
    /// <param name="scale">The scale.</param>
    /// <returns>The lowest and highest rating.</returns>
    internal static (int Min, int Max) RatingRange(RatingScale scale) => scale switch
    {
        RatingScale.FiveStar => (1, 5),
        RatingScale.Nps => (0, 10),
        _ => throw new ArgumentOutOfRangeException(nameof(scale), scale, "Unknown rating scale."),
    };

    /// <summary>Restores a stored interaction without validation and without events.</summary>
    /// <summary>A copy without the personal content (subject, body, participants, feedback comment), for erasure without encryption.</summary>
    internal Interaction WithContentErased() =>
        Restore(Id, Version, CustomerId, Kind, Channel, Direction, OccurredAt, RecordedAt, null, null, null, Transaction,
            Feedback is { } feedback ? feedback with { Comment = null } : null, BehaviourEvent, DealId, TicketId, isErased: true);

    internal static Interaction Restore(
        InteractionId id,
        long version,
        CustomerId customerId,
        InteractionKind kind,
        InteractionChannel channel,
        InteractionDirection direction,
        Instant occurredAt,
        Instant recordedAt,
        string? subject,
        string? body,
        IReadOnlyList<Participant>? participants,
        TransactionDetail? transaction,
        FeedbackDetail? feedback,
        BehaviourEventDetail? behaviourEvent,
        DealId? dealId,
        TicketId? ticketId,
        bool isErased = false) =>
        new(id, customerId, kind, channel, direction, occurredAt, recordedAt, subject, body, CopyParticipants(participants), transaction, feedback, CopyEvent(behaviourEvent), dealId, ticketId)
        {
            Version = version,
            IsErased = isErased,
        };

    private static ReadOnlyCollection<Participant> CopyParticipants(IReadOnlyList<Participant>? participants) =>
        participants is null or { Count: 0 } ? ReadOnlyCollection<Participant>.Empty : participants.ToArray().AsReadOnly();

    private static BehaviourEventDetail? CopyEvent(BehaviourEventDetail? behaviourEvent) =>
        behaviourEvent is null
            ? null
            : behaviourEvent with
            {
                Properties = new Dictionary<string, string>(behaviourEvent.Properties ?? ReadOnlyDictionary<string, string>.Empty, StringComparer.Ordinal).AsReadOnly(),
            };

    /// <summary>Moves the record to another customer (a merge re-points it to the survivor, its undo back); raises no event.</summary>
    internal void MoveToCustomer(CustomerId customerId) => CustomerId = customerId;
}
