using NodaTime;

namespace Crm.Sdk.Interactions;

/// <summary>Shortcuts for the common kinds, with the usual channel and direction filled in (every property can still be set).</summary>
public sealed partial record InteractionDraft
{
    /// <summary>An internal note about the customer (channel Other, direction Internal).</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="subject">The note's subject.</param>
    /// <param name="body">The note's text, or <see langword="null"/>.</param>
    /// <param name="occurredAt">When, or <see langword="null"/> for the time it is recorded.</param>
    /// <returns>The draft.</returns>
    public static InteractionDraft Note(CustomerId customerId, string subject, string? body = null, Instant? occurredAt = null) => new()
    {
        CustomerId = customerId, Kind = InteractionKind.Note, Channel = InteractionChannel.Other, Direction = InteractionDirection.Internal,
        Subject = subject, Body = body, OccurredAt = occurredAt,
    };

    /// <summary>An email sent to or received from the customer (channel Email).</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="direction">Inbound (from the customer) or outbound.</param>
    /// <param name="subject">The subject line.</param>
    /// <param name="body">The text, or <see langword="null"/>.</param>
    /// <param name="occurredAt">When, or <see langword="null"/> for the time it is recorded.</param>
    /// <returns>The draft.</returns>
    public static InteractionDraft Email(CustomerId customerId, InteractionDirection direction, string subject, string? body = null, Instant? occurredAt = null) => new()
    {
        CustomerId = customerId, Kind = InteractionKind.Email, Channel = InteractionChannel.Email, Direction = direction,
        Subject = subject, Body = body, OccurredAt = occurredAt,
    };

    /// <summary>A phone call (channel Phone).</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="direction">Inbound (the customer called) or outbound.</param>
    /// <param name="subject">What it was about.</param>
    /// <param name="body">Call notes, or <see langword="null"/>.</param>
    /// <param name="occurredAt">When, or <see langword="null"/> for the time it is recorded.</param>
    /// <returns>The draft.</returns>
    public static InteractionDraft Call(CustomerId customerId, InteractionDirection direction, string subject, string? body = null, Instant? occurredAt = null) => new()
    {
        CustomerId = customerId, Kind = InteractionKind.Call, Channel = InteractionChannel.Phone, Direction = direction,
        Subject = subject, Body = body, OccurredAt = occurredAt,
    };

    /// <summary>A purchase (direction Inbound) with its order reference and amount.</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="orderReference">The host's order number.</param>
    /// <param name="amount">The amount, above zero.</param>
    /// <param name="channel">Where it was bought; Web by default.</param>
    /// <param name="occurredAt">When, or <see langword="null"/> for the time it is recorded.</param>
    /// <returns>The draft.</returns>
    public static InteractionDraft Purchase(CustomerId customerId, string orderReference, Money amount, InteractionChannel channel = InteractionChannel.Web, Instant? occurredAt = null) => new()
    {
        CustomerId = customerId, Kind = InteractionKind.Purchase, Channel = channel, Direction = InteractionDirection.Inbound,
        Transaction = new TransactionDetail(orderReference, amount), OccurredAt = occurredAt,
    };

    /// <summary>A refund (direction Outbound) with its order reference and amount (positive: the kind says it is money back).</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="orderReference">The host's order or credit-note number.</param>
    /// <param name="amount">The amount refunded, above zero.</param>
    /// <param name="channel">Where it was refunded; Web by default.</param>
    /// <param name="occurredAt">When, or <see langword="null"/> for the time it is recorded.</param>
    /// <returns>The draft.</returns>
    public static InteractionDraft Refund(CustomerId customerId, string orderReference, Money amount, InteractionChannel channel = InteractionChannel.Web, Instant? occurredAt = null) => new()
    {
        CustomerId = customerId, Kind = InteractionKind.Refund, Channel = channel, Direction = InteractionDirection.Outbound,
        Transaction = new TransactionDetail(orderReference, amount), OccurredAt = occurredAt,
    };

    /// <summary>Feedback from the customer (direction Inbound): a rating on a scale, a category and a comment.</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="category">Suggestion, complaint, praise or other.</param>
    /// <param name="rating">The rating (1–5 five-star, 0–10 NPS), or <see langword="null"/>.</param>
    /// <param name="scale">The rating's scale; five-star by default.</param>
    /// <param name="comment">The customer's words, or <see langword="null"/>.</param>
    /// <param name="channel">Where it was given; Web by default.</param>
    /// <param name="occurredAt">When, or <see langword="null"/> for the time it is recorded.</param>
    /// <returns>The draft.</returns>
    public static InteractionDraft CustomerFeedback(
        CustomerId customerId, FeedbackCategory category, int? rating = null, RatingScale scale = RatingScale.FiveStar, string? comment = null,
        InteractionChannel channel = InteractionChannel.Web, Instant? occurredAt = null) => new()
    {
        CustomerId = customerId, Kind = InteractionKind.Feedback, Channel = channel, Direction = InteractionDirection.Inbound,
        Feedback = new FeedbackDetail(category, rating, rating is null ? null : scale, comment), OccurredAt = occurredAt,
    };

    /// <summary>A behaviour event such as a page view, a click or a campaign response (direction Inbound).</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="name">The event name, for example <c>page-view</c>.</param>
    /// <param name="properties">Its properties, for example the page, or <see langword="null"/>.</param>
    /// <param name="channel">Where it happened; Web by default.</param>
    /// <param name="occurredAt">When, or <see langword="null"/> for the time it is recorded.</param>
    /// <returns>The draft.</returns>
    public static InteractionDraft Behaviour(
        CustomerId customerId, string name, IReadOnlyDictionary<string, string>? properties = null, InteractionChannel channel = InteractionChannel.Web, Instant? occurredAt = null) => new()
    {
        CustomerId = customerId, Kind = InteractionKind.BehaviourEvent, Channel = channel, Direction = InteractionDirection.Inbound,
        BehaviourEvent = new BehaviourEventDetail(name, properties), OccurredAt = occurredAt,
    };
}
