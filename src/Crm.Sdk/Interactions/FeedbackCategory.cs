namespace Crm.Sdk.Interactions;

/// <summary>What a piece of feedback is about.</summary>
public enum FeedbackCategory
{
    /// <summary>An idea for improvement.</summary>
    Suggestion,

    /// <summary>A complaint.</summary>
    Complaint,

    /// <summary>Praise.</summary>
    Praise,

    /// <summary>Anything else, including a bare rating.</summary>
    Other,
}
