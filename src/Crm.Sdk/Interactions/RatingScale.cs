namespace Crm.Sdk.Interactions;

/// <summary>The scale of a feedback rating.</summary>
public enum RatingScale
{
    /// <summary>One to five stars (1–5).</summary>
    FiveStar,

    /// <summary>Net Promoter Score (0–10).</summary>
    Nps,
}
