using NodaTime;

namespace Crm.Sdk.Deals;

/// <summary>One stay of a deal in a stage: when it entered and, once it moved on, when it left.</summary>
/// <param name="StageId">The stage.</param>
/// <param name="EnteredAt">When the deal entered the stage.</param>
/// <param name="LeftAt">When the deal left the stage; <see langword="null"/> for the stage it is in now.</param>
public sealed record DealStageEntry(StageId StageId, Instant EnteredAt, Instant? LeftAt)
{
    /// <summary>Whether this is the stage the deal is in now.</summary>
    public bool IsCurrent => LeftAt is null;
}
