using NodaTime;

namespace Crm.Sdk.Audit;

/// <summary>Which audit entries to list or export; unset conditions match every entry.</summary>
public sealed record AuditFilter
{
    /// <summary>Every entry.</summary>
    public static AuditFilter All { get; } = new();

    /// <summary>Only entries about this record.</summary>
    public Guid? RecordId { get; init; }

    /// <summary>Only entries of this actor (a user id, or <c>system</c>).</summary>
    public string? ActorId { get; init; }

    /// <summary>Only entries written at or after this instant.</summary>
    public Instant? From { get; init; }

    /// <summary>Only entries written before this instant.</summary>
    public Instant? To { get; init; }
}
