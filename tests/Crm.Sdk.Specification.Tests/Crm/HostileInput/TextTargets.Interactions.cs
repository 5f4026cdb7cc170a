using Crm.Sdk.Interactions;

namespace Crm.Sdk.Specification.Tests.Crm.HostileInput;

/// <summary>Every text input of the public API, as <see cref="TextTarget"/>s over one world.</summary>
internal static partial class TextTargets
{
    /// <summary>The text inputs of interactions: subject, body, participants and the details of each kind.</summary>
    /// <param name="w">The world.</param>
    /// <returns>The targets.</returns>
    public static IEnumerable<TextTarget> Interactions(CorpusWorld w)
    {
        var crm = w.Crm;
        var a = w.A.Id;
        Func<object?, Task<string?>> Read(Func<Interaction, string?> field) =>
            async result => field(await crm.Interactions.GetAsync(((Interaction)result!).Id));
        Func<string, Task<object?>> Create(Func<string, InteractionDraft> draft) =>
            async s => await crm.Interactions.CreateAsync(draft(s));

        yield return new TextTarget
        {
            Name = "Interaction.Subject",
            Fields = ["Subject"],
            Shape = TextShape.SingleLine,
            MaxLength = Interaction.MaxSubjectLength,
            Act = Create(s => InteractionDraft.Note(a, s)),
            Stored = Read(i => i.Subject),
        };
        yield return new TextTarget
        {
            Name = "Interaction.Body",
            Fields = ["Body"],
            Shape = TextShape.MultiLine,
            MaxLength = Interaction.MaxBodyLength,
            Act = Create(s => InteractionDraft.Email(a, InteractionDirection.Inbound, "Hello", s)),
            Stored = Read(i => i.Body),
        };
        yield return new TextTarget
        {
            Name = "Interaction.Participants[0].Name",
            Fields = ["Participants[0]"],
            Shape = TextShape.SingleLine,
            MaxLength = Participant.MaxNameLength,
            Act = Create(s => InteractionDraft.Email(a, InteractionDirection.Inbound, "Hello") with { Participants = [new Participant(s, "someone@example.com")] }),
            Stored = Read(i => Head(i.Participants)?.Name),
        };
        yield return new TextTarget
        {
            Name = "Interaction.Participants[0].Address",
            Fields = ["Participants[0]"],
            Shape = TextShape.SingleLine,
            MaxLength = Participant.MaxAddressLength,
            Act = Create(s => InteractionDraft.Email(a, InteractionDirection.Inbound, "Hello") with { Participants = [new Participant("Someone", s)] }),
            Stored = Read(i => Head(i.Participants)?.Address),
        };
        yield return new TextTarget
        {
            Name = "Interaction.Participants[0].Role",
            Fields = ["Participants[0]"],
            Shape = TextShape.SingleLine,
            MaxLength = Participant.MaxRoleLength,
            Act = Create(s => InteractionDraft.Email(a, InteractionDirection.Inbound, "Hello") with { Participants = [new Participant("Someone", null, s)] }),
            Stored = Read(i => Head(i.Participants)?.Role),
        };
        yield return new TextTarget
        {
            Name = "Interaction.Transaction.OrderReference",
            Fields = ["OrderReference"],
            Shape = TextShape.SingleLine,
            Required = true,
            MaxLength = TransactionDetail.MaxOrderReferenceLength,
            Act = Create(s => InteractionDraft.Purchase(a, s, Money.Of(19.99m, "EUR"))),
            Stored = Read(i => i.Transaction?.OrderReference),
        };
        yield return new TextTarget
        {
            Name = "Interaction.Feedback.Comment",
            Fields = ["Comment"],
            Shape = TextShape.MultiLine,
            MaxLength = FeedbackDetail.MaxCommentLength,
            Act = Create(s => InteractionDraft.CustomerFeedback(a, FeedbackCategory.Praise, 5, RatingScale.FiveStar, s)),
            Stored = Read(i => i.Feedback?.Comment),
        };
        yield return new TextTarget
        {
            Name = "Interaction.BehaviourEvent.Name",
            Fields = ["BehaviourEvent.Name"],
            Shape = TextShape.SingleLine,
            Required = true,
            MaxLength = BehaviourEventDetail.MaxNameLength,
            Act = Create(s => InteractionDraft.Behaviour(a, s)),
            Stored = Read(i => i.BehaviourEvent?.Name),
        };
        yield return new TextTarget
        {
            Name = "Interaction.BehaviourEvent.Properties (key)",
            Fields = ["BehaviourEvent.Properties"],
            Shape = TextShape.SingleLine,
            Required = true,
            MaxLength = BehaviourEventDetail.MaxPropertyKeyLength,
            Act = Create(s => InteractionDraft.Behaviour(a, "page_view", new Dictionary<string, string> { [s] = "v" })),
            Stored = Read(i => i.BehaviourEvent?.Properties?.Keys.FirstOrDefault()),
        };
        yield return new TextTarget
        {
            Name = "Interaction.BehaviourEvent.Properties (value)",
            Fields = ["BehaviourEvent.Properties"],
            Shape = TextShape.MultiLine,
            MaxLength = BehaviourEventDetail.MaxPropertyValueLength,
            Act = Create(s => InteractionDraft.Behaviour(a, "page_view", new Dictionary<string, string> { ["k"] = s })),
            Stored = Read(i => i.BehaviourEvent?.Properties?.GetValueOrDefault("k")),
        };
    }
}
