using Crm.Sdk.Interactions;

namespace Crm.Sdk.Benchmarks.Data;

/// <summary>One generated interaction, in a neutral shape every way converts to its own (the conversion is measured).</summary>
internal sealed record InteractionRow(
    int CustomerIndex,
    InteractionKind Kind,
    InteractionChannel Channel,
    InteractionDirection Direction,
    DateTimeOffset OccurredAt,
    string Subject,
    string? Body,
    string? ParticipantName,
    string? ParticipantAddress,
    string? OrderReference,
    decimal? Amount,
    string? Currency,
    FeedbackCategory? FeedbackCategory,
    int? Rating,
    string? FeedbackComment,
    string? EventName);
