using NodaTime;

namespace Crm.Sdk.Interactions;

/// <summary>
/// What the caller knows about an interaction before it is recorded. Pass it to
/// <see cref="Interaction.Record(InteractionDraft, InteractionId, Instant)"/>, which checks every field at once.
/// </summary>
public sealed partial record InteractionDraft
{
    /// <summary>The customer the interaction was with. Required.</summary>
    public required CustomerId CustomerId { get; init; }

    /// <summary>What happened. Decides which detail is required: <see cref="Transaction"/> for purchases and refunds,
    /// <see cref="Feedback"/> for feedback, <see cref="BehaviourEvent"/> for behaviour events; the others must be absent.</summary>
    public required InteractionKind Kind { get; init; }

    /// <summary>The medium.</summary>
    public required InteractionChannel Channel { get; init; }

    /// <summary>Who started it.</summary>
    public required InteractionDirection Direction { get; init; }

    /// <summary>When it happened; <see langword="null"/> means when it is recorded.</summary>
    public Instant? OccurredAt { get; init; }

    /// <summary>A subject or title; at most <see cref="Interaction.MaxSubjectLength"/> characters.</summary>
    public string? Subject { get; init; }

    /// <summary>The content (email text, call notes, chat transcript); at most <see cref="Interaction.MaxBodyLength"/> characters.</summary>
    public string? Body { get; init; }

    /// <summary>Who took part; at most <see cref="Interaction.MaxParticipants"/>.</summary>
    public IReadOnlyList<Participant>? Participants { get; init; }

    /// <summary>The order reference and amount; required for purchases and refunds, forbidden otherwise.</summary>
    public TransactionDetail? Transaction { get; init; }

    /// <summary>The rating and comment; required for feedback, forbidden otherwise.</summary>
    public FeedbackDetail? Feedback { get; init; }

    /// <summary>The event name and properties; required for behaviour events, forbidden otherwise.</summary>
    public BehaviourEventDetail? BehaviourEvent { get; init; }

    /// <summary>The deal this interaction belongs to, if any.</summary>
    public DealId? DealId { get; init; }

    /// <summary>The ticket this interaction belongs to, if any.</summary>
    public TicketId? TicketId { get; init; }

    /// <summary>
    /// Checks the draft against every rule recording it checks, and writes nothing: for a form, or an import that must
    /// know a row is acceptable before it creates the row's customer. That the customer, deal and ticket exist is checked
    /// when the interaction is recorded.
    /// </summary>
    /// <returns>Every broken rule, each naming its field and rule (what <see cref="CrmValidationException.Errors"/> would
    /// list); empty when the draft is acceptable.</returns>
    public IReadOnlyList<ValidationError> Validate() => InteractionValidator.Validate(this);
}
