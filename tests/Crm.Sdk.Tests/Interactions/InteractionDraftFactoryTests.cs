using Crm.Sdk.Customers;
using Crm.Sdk.Interactions;
using NodaTime;
using Xunit;

namespace Crm.Sdk.Tests.Interactions;

public sealed class InteractionDraftFactoryTests
{
    private static readonly CustomerId Customer = CustomerId.New(Instant.FromUtc(2026, 1, 1, 0, 0));
    private static readonly Instant Now = Instant.FromUtc(2026, 11, 1, 12, 0);

    public static TheoryData<string> Factories => ["note", "email", "call", "purchase", "refund", "feedback", "behaviour"];

    [Theory]
    [MemberData(nameof(Factories))]
    public void Every_factory_makes_a_draft_that_records_without_errors(string factory)
    {
        var draft = Make(factory);

        var interaction = Interaction.Record(draft, InteractionId.New(Now), Now);

        Assert.Equal(draft.Kind, interaction.Kind);
        Assert.Equal(Customer, interaction.CustomerId);
    }

    [Fact]
    public void Shortcuts_fill_in_the_usual_channel_and_direction()
    {
        Assert.Equal((InteractionChannel.Other, InteractionDirection.Internal), Pair(InteractionDraft.Note(Customer, "n")));
        Assert.Equal((InteractionChannel.Phone, InteractionDirection.Inbound), Pair(InteractionDraft.Call(Customer, InteractionDirection.Inbound, "c")));
        Assert.Equal((InteractionChannel.Web, InteractionDirection.Outbound), Pair(InteractionDraft.Refund(Customer, "RF-1", Money.Of(5m, "EUR"))));
    }

    [Fact]
    public void Feedback_without_a_rating_has_no_scale()
    {
        var draft = InteractionDraft.CustomerFeedback(Customer, FeedbackCategory.Suggestion, comment: "More colours");

        Assert.Null(draft.Feedback!.Rating);
        Assert.Null(draft.Feedback.Scale);
    }

    private static (InteractionChannel, InteractionDirection) Pair(InteractionDraft draft) => (draft.Channel, draft.Direction);

    private static InteractionDraft Make(string factory) => factory switch
    {
        "note" => InteractionDraft.Note(Customer, "Called back", "Left a message"),
        "email" => InteractionDraft.Email(Customer, InteractionDirection.Outbound, "Your quote", "Attached."),
        "call" => InteractionDraft.Call(Customer, InteractionDirection.Inbound, "Question"),
        "purchase" => InteractionDraft.Purchase(Customer, "SO-1", Money.Of(10m, "EUR")),
        "refund" => InteractionDraft.Refund(Customer, "RF-1", Money.Of(10m, "EUR")),
        "feedback" => InteractionDraft.CustomerFeedback(Customer, FeedbackCategory.Complaint, 2, comment: "Late"),
        "behaviour" => InteractionDraft.Behaviour(Customer, "page-view", new Dictionary<string, string> { ["path"] = "/pricing" }),
        _ => throw new ArgumentOutOfRangeException(nameof(factory)),
    };
}
