using Crm.Sdk.Deals;
using Crm.Sdk.Interactions;
using Crm.Sdk.Interactions.Events;
using Crm.Sdk.Tickets;
using NodaTime;
using Xunit;
using static Crm.Sdk.Tests.Interactions.InteractionTestData;

namespace Crm.Sdk.Tests.Interactions;

/// <summary>Recording interactions of each kind from a draft.</summary>
public class InteractionRecordTests
{
    /// <summary>Recorded email keeps every field of the draft.</summary>
    [Fact]
    public void Recorded_email_keeps_every_field_of_the_draft()
    {
        var occurredAt = RecordedAt - Duration.FromHours(2);
        var dealId = new DealId(Guid.NewGuid());
        var ticketId = new TicketId(Guid.NewGuid());
        var draft = new InteractionDraft
        {
            CustomerId = Customer,
            Kind = InteractionKind.Email,
            Channel = InteractionChannel.Email,
            Direction = InteractionDirection.Outbound,
            OccurredAt = occurredAt,
            Subject = "Your quote",
            Body = "Please find the quote attached.",
            Participants = [new Participant("Ada", "ada@example.com", "to"), new Participant(null, "sales@example.com", "from")],
            DealId = dealId,
            TicketId = ticketId,
        };

        var interaction = Interaction.Record(draft, Id, RecordedAt);

        Assert.Equal(Id, interaction.Id);
        Assert.Equal(Customer, interaction.CustomerId);
        Assert.Equal(InteractionKind.Email, interaction.Kind);
        Assert.Equal(InteractionChannel.Email, interaction.Channel);
        Assert.Equal(InteractionDirection.Outbound, interaction.Direction);
        Assert.Equal(occurredAt, interaction.OccurredAt);
        Assert.Equal(RecordedAt, interaction.RecordedAt);
        Assert.Equal("Your quote", interaction.Subject);
        Assert.Equal("Please find the quote attached.", interaction.Body);
        Assert.Equal(draft.Participants, interaction.Participants);
        Assert.Equal(dealId, interaction.DealId);
        Assert.Equal(ticketId, interaction.TicketId);
        Assert.Null(interaction.Transaction);
        Assert.Null(interaction.Feedback);
        Assert.Null(interaction.BehaviourEvent);
        Assert.Equal(0, interaction.Version);
    }

    /// <summary>Recording raises InteractionRecorded.</summary>
    [Fact]
    public void Recording_raises_InteractionRecorded()
    {
        var interaction = Record(Purchase());

        var recorded = Assert.IsType<InteractionRecorded>(Assert.Single(interaction.DomainEvents));
        Assert.Equal(new InteractionRecorded(Id, Customer, InteractionKind.Purchase), recorded);
    }

    /// <summary>Occurred at defaults to the recording time.</summary>
    [Fact]
    public void Occurred_at_defaults_to_the_recording_time()
    {
        var interaction = Record(Email());

        Assert.Equal(RecordedAt, interaction.OccurredAt);
    }

    /// <summary>Purchase keeps its transaction.</summary>
    [Fact]
    public void Purchase_keeps_its_transaction()
    {
        var interaction = Record(Purchase(120.5m, "SO-77"));

        Assert.Equal(new TransactionDetail("SO-77", Money.Of(120.5m, "EUR")), interaction.Transaction);
    }

    /// <summary>Refund is recorded with a positive amount.</summary>
    [Fact]
    public void Refund_is_recorded_with_a_positive_amount()
    {
        var interaction = Record(new InteractionDraft
        {
            CustomerId = Customer,
            Kind = InteractionKind.Refund,
            Channel = InteractionChannel.Store,
            Direction = InteractionDirection.Outbound,
            Transaction = new TransactionDetail("RF-1", Money.Of(10m, "usd")),
        });

        Assert.Equal(InteractionKind.Refund, interaction.Kind);
        Assert.Equal(Money.Of(10m, "USD"), interaction.Transaction!.Amount);
    }

    /// <summary>Feedback keeps rating scale category and comment.</summary>
    [Fact]
    public void Feedback_keeps_rating_scale_category_and_comment()
    {
        var interaction = Record(Feedback(9, RatingScale.Nps));

        Assert.Equal(new FeedbackDetail(FeedbackCategory.Praise, 9, RatingScale.Nps, "Quick delivery."), interaction.Feedback);
    }

    /// <summary>Feedback without a rating is accepted.</summary>
    [Fact]
    public void Feedback_without_a_rating_is_accepted()
    {
        var draft = new InteractionDraft
        {
            CustomerId = Customer,
            Kind = InteractionKind.Feedback,
            Channel = InteractionChannel.Email,
            Direction = InteractionDirection.Inbound,
            Feedback = new FeedbackDetail(FeedbackCategory.Suggestion, Comment: "Offer gift wrapping."),
        };

        var interaction = Record(draft);

        Assert.Null(interaction.Feedback!.Rating);
        Assert.Null(interaction.Feedback.Scale);
    }

    /// <summary>Behaviour event keeps name and properties.</summary>
    [Fact]
    public void Behaviour_event_keeps_name_and_properties()
    {
        var interaction = Record(BehaviourEvent(new Dictionary<string, string> { ["url"] = "/pricing", ["campaign"] = "spring" }));

        Assert.Equal("page-view", interaction.BehaviourEvent!.Name);
        Assert.Equal("/pricing", interaction.BehaviourEvent.Properties!["url"]);
        Assert.Equal("spring", interaction.BehaviourEvent.Properties["campaign"]);
        Assert.Equal(2, interaction.BehaviourEvent.Properties.Count);
    }

    /// <summary>Changing the draft lists afterwards does not change the interaction.</summary>
    [Fact]
    public void Changing_the_draft_lists_afterwards_does_not_change_the_interaction()
    {
        var participants = new List<Participant> { new("Ada") };
        var properties = new Dictionary<string, string> { ["url"] = "/" };
        var email = Record(new InteractionDraft
        {
            CustomerId = Customer,
            Kind = InteractionKind.Email,
            Channel = InteractionChannel.Email,
            Direction = InteractionDirection.Inbound,
            Participants = participants,
        });
        var behaviourEvent = Record(BehaviourEvent(properties));

        participants.Add(new Participant("Bob"));
        properties["url"] = "/changed";

        Assert.Single(email.Participants);
        Assert.Equal("/", behaviourEvent.BehaviourEvent!.Properties!["url"]);
    }

    /// <summary>Participants cannot be changed through the read only list.</summary>
    [Fact]
    public void Participants_cannot_be_changed_through_the_read_only_list()
    {
        var interaction = Record(Email());

        Assert.Throws<NotSupportedException>(() => ((IList<Participant>)interaction.Participants).Add(new Participant("X")));
    }

    /// <summary>Communication kinds need no detail.</summary>
    [Theory]
    [InlineData(InteractionKind.Email)]
    [InlineData(InteractionKind.Call)]
    [InlineData(InteractionKind.Chat)]
    [InlineData(InteractionKind.Meeting)]
    [InlineData(InteractionKind.Note)]
    public void Communication_kinds_need_no_detail(InteractionKind kind)
    {
        var interaction = Record(new InteractionDraft
        {
            CustomerId = Customer,
            Kind = kind,
            Channel = InteractionChannel.Other,
            Direction = InteractionDirection.Internal,
        });

        Assert.Equal(kind, interaction.Kind);
    }
}
