using NodaTime;

namespace Crm.Sdk.Interactions;

/// <summary>Which interactions of a timeline to show.</summary>
public sealed record TimelineFilter
{
    /// <summary>Every interaction.</summary>
    public static TimelineFilter All { get; } = new();

    /// <summary>Only these kinds; <see langword="null"/> or empty for every kind.</summary>
    public IReadOnlyCollection<InteractionKind>? Kinds { get; init; }

    /// <summary>Only interactions that occurred at or after this instant.</summary>
    public Instant? From { get; init; }

    /// <summary>Only interactions that occurred before this instant.</summary>
    public Instant? To { get; init; }
}
