namespace Crm.Sdk.Interactions;

/// <summary>What an interaction was. The kind decides which detail an interaction carries.</summary>
public enum InteractionKind
{
    /// <summary>An email sent or received.</summary>
    Email,

    /// <summary>A phone or video call.</summary>
    Call,

    /// <summary>A chat conversation (web chat, messenger).</summary>
    Chat,

    /// <summary>A meeting in person or online.</summary>
    Meeting,

    /// <summary>A note written by an employee.</summary>
    Note,

    /// <summary>A purchase; carries a <see cref="TransactionDetail"/>.</summary>
    Purchase,

    /// <summary>A refund; carries a <see cref="TransactionDetail"/>.</summary>
    Refund,

    /// <summary>Feedback from the customer (rating, NPS, suggestion, complaint); carries a <see cref="FeedbackDetail"/>.</summary>
    Feedback,

    /// <summary>A behaviour event (page view, click, campaign response); carries a <see cref="BehaviourEventDetail"/>.</summary>
    BehaviourEvent,
}
