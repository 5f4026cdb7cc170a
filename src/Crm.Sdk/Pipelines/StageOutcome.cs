namespace Crm.Sdk.Pipelines;

/// <summary>What reaching a pipeline stage means for a deal.</summary>
public enum StageOutcome
{
    /// <summary>The deal is still being worked on; it is <see cref="Deals.DealStatus.Open"/> while in this stage.</summary>
    Open,

    /// <summary>The end of a won deal: a deal that reaches it is <see cref="Deals.DealStatus.Won"/>. Probability is always 1.</summary>
    ClosedWon,

    /// <summary>The end of a lost deal: a deal that reaches it is <see cref="Deals.DealStatus.Lost"/>. Probability is always 0.</summary>
    ClosedLost,
}
