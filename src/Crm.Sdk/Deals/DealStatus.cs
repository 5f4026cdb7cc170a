namespace Crm.Sdk.Deals;

/// <summary>Whether a deal is still being worked on, won or lost. Always agrees with the outcome of the deal's current stage.</summary>
public enum DealStatus
{
    /// <summary>The deal is in an <see cref="Pipelines.StageOutcome.Open"/> stage.</summary>
    Open,

    /// <summary>The deal is in a <see cref="Pipelines.StageOutcome.ClosedWon"/> stage.</summary>
    Won,

    /// <summary>The deal is in a <see cref="Pipelines.StageOutcome.ClosedLost"/> stage.</summary>
    Lost,
}
