namespace Crm.Sdk.Interactions;

/// <summary>
/// The content of a <see cref="InteractionKind.Feedback"/> interaction. A rating and its scale go together
/// (both or neither); the rating must lie on the scale (1–5 for <see cref="RatingScale.FiveStar"/>,
/// 0–10 for <see cref="RatingScale.Nps"/>); the comment has at most <see cref="MaxCommentLength"/> characters.
/// </summary>
/// <param name="Category">What the feedback is about.</param>
/// <param name="Rating">The rating given, if any.</param>
/// <param name="Scale">The scale of <paramref name="Rating"/>, if any.</param>
/// <param name="Comment">The customer's words, if any.</param>
public sealed record FeedbackDetail(FeedbackCategory Category, int? Rating = null, RatingScale? Scale = null, string? Comment = null)
{
    /// <summary>The longest comment accepted.</summary>
    public const int MaxCommentLength = 10_000;
}
