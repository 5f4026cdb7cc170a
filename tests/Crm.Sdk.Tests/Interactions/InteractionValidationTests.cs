using Crm.Sdk.Deals;
using Crm.Sdk.Interactions;
using Crm.Sdk.Tickets;
using Xunit;
using static Crm.Sdk.Tests.Interactions.InteractionTestData;

namespace Crm.Sdk.Tests.Interactions;

/// <summary>Every validation rule of an interaction draft, with its field and rule name.</summary>
public class InteractionValidationTests
{
    private static InteractionDraft Draft(
        InteractionKind kind = InteractionKind.Note,
        CustomerId? customerId = null,
        InteractionChannel channel = InteractionChannel.Other,
        InteractionDirection direction = InteractionDirection.Internal,
        string? subject = null,
        string? body = null,
        IReadOnlyList<Participant>? participants = null,
        TransactionDetail? transaction = null,
        FeedbackDetail? feedback = null,
        BehaviourEventDetail? behaviourEvent = null,
        DealId? dealId = null,
        TicketId? ticketId = null) => new()
        {
            CustomerId = customerId ?? Customer,
            Kind = kind,
            Channel = channel,
            Direction = direction,
            Subject = subject,
            Body = body,
            Participants = participants,
            Transaction = transaction,
            Feedback = feedback,
            BehaviourEvent = behaviourEvent,
            DealId = dealId,
            TicketId = ticketId,
        };

    [Fact]
    public void Customer_is_required()
    {
        AssertOnlyError(RecordFails(Draft(customerId: default(CustomerId))), "CustomerId", "required");
    }

    [Fact]
    public void Empty_interaction_id_is_rejected()
    {
        var exception = Assert.Throws<CrmValidationException>(() => Interaction.Record(Draft(), default, RecordedAt));

        AssertOnlyError(exception, "Id", "invalid-id");
    }

    [Fact]
    public void Undefined_kind_channel_and_direction_are_rejected()
    {
        var exception = RecordFails(Draft(kind: (InteractionKind)99, channel: (InteractionChannel)99, direction: (InteractionDirection)99));

        Assert.Equal(3, exception.Errors.Count);
        AssertHasError(exception, "Kind", "undefined-value");
        AssertHasError(exception, "Channel", "undefined-value");
        AssertHasError(exception, "Direction", "undefined-value");
    }

    [Fact]
    public void Subject_longer_than_500_characters_is_rejected()
    {
        Record(Draft(subject: new string('s', Interaction.MaxSubjectLength)));

        AssertOnlyError(RecordFails(Draft(subject: new string('s', Interaction.MaxSubjectLength + 1))), "Subject", "max-length");
    }

    [Fact]
    public void Body_longer_than_100000_characters_is_rejected()
    {
        Record(Draft(body: new string('b', Interaction.MaxBodyLength)));

        AssertOnlyError(RecordFails(Draft(body: new string('b', Interaction.MaxBodyLength + 1))), "Body", "max-length");
    }

    [Fact]
    public void Participant_needs_a_name_or_an_address()
    {
        var exception = RecordFails(Draft(participants: [new Participant("Ada"), new Participant(" ", null, "cc"), null!]));

        Assert.Equal(2, exception.Errors.Count);
        AssertHasError(exception, "Participants[1]", "required");
        AssertHasError(exception, "Participants[2]", "required");
    }

    [Fact]
    public void Participant_fields_have_length_limits()
    {
        var participant = new Participant(new string('n', 201), new string('a', 321), new string('r', 101));

        var exception = RecordFails(Draft(participants: [participant]));

        Assert.Equal(3, exception.Errors.Count);
        AssertHasError(exception, "Participants[0].Name", "max-length");
        AssertHasError(exception, "Participants[0].Address", "max-length");
        AssertHasError(exception, "Participants[0].Role", "max-length");
    }

    [Fact]
    public void At_most_100_participants_are_accepted()
    {
        var participants = Enumerable.Range(0, Interaction.MaxParticipants + 1).Select(i => new Participant($"p{i}")).ToArray();

        AssertOnlyError(RecordFails(Draft(participants: participants)), "Participants", "max-count");
    }

    /// <summary>Default (empty) deal and ticket ids cannot be built from Guid.Empty, and a draft carrying them is rejected.</summary>
    [Fact]
    public void Empty_deal_and_ticket_links_are_rejected()
    {
        Assert.Equal("id-empty", Assert.Single(Assert.Throws<CrmValidationException>(() => new DealId(Guid.Empty)).Errors).Rule);
        var exception = RecordFails(Draft(dealId: default(DealId), ticketId: default(TicketId)));

        Assert.Equal(2, exception.Errors.Count);
        AssertHasError(exception, "DealId", "invalid-id");
        AssertHasError(exception, "TicketId", "invalid-id");
    }

    [Theory]
    [InlineData(InteractionKind.Purchase)]
    [InlineData(InteractionKind.Refund)]
    public void Purchase_and_refund_require_a_transaction(InteractionKind kind)
    {
        AssertOnlyError(RecordFails(Draft(kind)), "Transaction", "required-for-kind");
    }

    [Fact]
    public void Feedback_requires_a_feedback_detail()
    {
        AssertOnlyError(RecordFails(Draft(InteractionKind.Feedback)), "Feedback", "required-for-kind");
    }

    [Fact]
    public void Behaviour_event_requires_an_event_detail()
    {
        AssertOnlyError(RecordFails(Draft(InteractionKind.BehaviourEvent)), "BehaviourEvent", "required-for-kind");
    }

    /// <summary>Every kind that is neither a purchase nor a refund.</summary>
    public static TheoryData<InteractionKind> KindsWithoutTransaction =>
        [InteractionKind.Email, InteractionKind.Call, InteractionKind.Chat, InteractionKind.Meeting, InteractionKind.Note, InteractionKind.Feedback, InteractionKind.BehaviourEvent];

    [Theory]
    [MemberData(nameof(KindsWithoutTransaction))]
    public void Transaction_is_forbidden_for_other_kinds(InteractionKind kind)
    {
        var exception = RecordFails(Draft(kind, transaction: new TransactionDetail("SO-1", Money.Of(1m, "EUR"))));

        AssertHasError(exception, "Transaction", "forbidden-for-kind");
    }

    [Theory]
    [InlineData(InteractionKind.Email)]
    [InlineData(InteractionKind.Purchase)]
    [InlineData(InteractionKind.BehaviourEvent)]
    public void Feedback_is_forbidden_for_other_kinds(InteractionKind kind)
    {
        var exception = RecordFails(Draft(kind, feedback: new FeedbackDetail(FeedbackCategory.Other, 3, RatingScale.FiveStar)));

        AssertHasError(exception, "Feedback", "forbidden-for-kind");
    }

    [Theory]
    [InlineData(InteractionKind.Note)]
    [InlineData(InteractionKind.Refund)]
    [InlineData(InteractionKind.Feedback)]
    public void Behaviour_event_detail_is_forbidden_for_other_kinds(InteractionKind kind)
    {
        var exception = RecordFails(Draft(kind, behaviourEvent: new BehaviourEventDetail("click")));

        AssertHasError(exception, "BehaviourEvent", "forbidden-for-kind");
    }

    [Fact]
    public void Note_with_every_detail_names_each_forbidden_detail()
    {
        var exception = RecordFails(Draft(
            InteractionKind.Note,
            transaction: new TransactionDetail("SO-1", Money.Of(1m, "EUR")),
            feedback: new FeedbackDetail(FeedbackCategory.Other),
            behaviourEvent: new BehaviourEventDetail("click")));

        Assert.Equal(3, exception.Errors.Count);
        Assert.All(exception.Errors, e => Assert.Equal("forbidden-for-kind", e.Rule));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void Transaction_amount_must_be_positive(decimal amount)
    {
        AssertOnlyError(RecordFails(Purchase(amount)), "Transaction.Amount", "amount-positive");
    }

    [Fact]
    public void Transaction_with_default_money_names_currency_and_amount()
    {
        var exception = RecordFails(Draft(InteractionKind.Purchase, transaction: new TransactionDetail("SO-1", default)));

        AssertHasError(exception, "Transaction.Amount.Currency", "currency-iso4217");
        AssertHasError(exception, "Transaction.Amount", "amount-positive");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Order_reference_is_required(string? orderReference)
    {
        AssertOnlyError(RecordFails(Purchase(orderReference: orderReference!)), "Transaction.OrderReference", "required");
    }

    [Fact]
    public void Order_reference_longer_than_100_characters_is_rejected()
    {
        Record(Purchase(orderReference: new string('o', 100)));

        AssertOnlyError(RecordFails(Purchase(orderReference: new string('o', 101))), "Transaction.OrderReference", "max-length");
    }

    [Theory]
    [InlineData(0, RatingScale.FiveStar)]
    [InlineData(6, RatingScale.FiveStar)]
    [InlineData(-1, RatingScale.Nps)]
    [InlineData(11, RatingScale.Nps)]
    public void Rating_outside_its_scale_is_rejected(int rating, RatingScale scale)
    {
        AssertOnlyError(RecordFails(Feedback(rating, scale)), "Feedback.Rating", "rating-range");
    }

    [Theory]
    [InlineData(1, RatingScale.FiveStar)]
    [InlineData(5, RatingScale.FiveStar)]
    [InlineData(0, RatingScale.Nps)]
    [InlineData(10, RatingScale.Nps)]
    public void Rating_at_the_ends_of_its_scale_is_accepted(int rating, RatingScale scale)
    {
        Assert.Equal(rating, Record(Feedback(rating, scale)).Feedback!.Rating);
    }

    [Fact]
    public void Rating_needs_a_scale_and_a_scale_needs_a_rating()
    {
        AssertOnlyError(RecordFails(Feedback(4, null)), "Feedback.Scale", "required");
        AssertOnlyError(RecordFails(Feedback(null, RatingScale.Nps)), "Feedback.Rating", "required");
    }

    [Fact]
    public void Undefined_feedback_category_and_scale_are_rejected()
    {
        var exception = RecordFails(Draft(InteractionKind.Feedback, feedback: new FeedbackDetail((FeedbackCategory)42, 3, (RatingScale)7)));

        Assert.Equal(2, exception.Errors.Count);
        AssertHasError(exception, "Feedback.Category", "undefined-value");
        AssertHasError(exception, "Feedback.Scale", "undefined-value");
    }

    [Fact]
    public void Feedback_comment_longer_than_10000_characters_is_rejected()
    {
        var feedback = new FeedbackDetail(FeedbackCategory.Complaint, Comment: new string('c', FeedbackDetail.MaxCommentLength + 1));

        AssertOnlyError(RecordFails(Draft(InteractionKind.Feedback, feedback: feedback)), "Feedback.Comment", "max-length");
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public void Behaviour_event_name_is_required(string name)
    {
        AssertOnlyError(RecordFails(Draft(InteractionKind.BehaviourEvent, behaviourEvent: new BehaviourEventDetail(name))), "BehaviourEvent.Name", "required");
    }

    [Fact]
    public void Behaviour_event_name_longer_than_200_characters_is_rejected()
    {
        var detail = new BehaviourEventDetail(new string('e', BehaviourEventDetail.MaxNameLength + 1));

        AssertOnlyError(RecordFails(Draft(InteractionKind.BehaviourEvent, behaviourEvent: detail)), "BehaviourEvent.Name", "max-length");
    }

    [Fact]
    public void Behaviour_event_has_at_most_50_properties()
    {
        Record(BehaviourEvent(Enumerable.Range(0, 50).ToDictionary(i => $"k{i}", i => "v")));

        var exception = RecordFails(BehaviourEvent(Enumerable.Range(0, 51).ToDictionary(i => $"k{i}", i => "v")));

        AssertOnlyError(exception, "BehaviourEvent.Properties", "max-count");
    }

    [Fact]
    public void Behaviour_event_property_keys_and_values_are_checked()
    {
        var properties = new Dictionary<string, string>
        {
            [" "] = "blank key",
            [new string('k', 101)] = "long key",
            ["long"] = new string('v', 1_001),
            ["ok"] = "fine",
        };

        var exception = RecordFails(BehaviourEvent(properties));

        Assert.Equal(3, exception.Errors.Count);
        AssertHasError(exception, "BehaviourEvent.Properties[ ]", "required");
        AssertHasError(exception, $"BehaviourEvent.Properties[{new string('k', 101)}]", "max-length");
        AssertHasError(exception, "BehaviourEvent.Properties[long]", "max-length");
    }

    [Fact]
    public void Every_failing_field_is_reported_at_once()
    {
        var exception = RecordFails(Draft(
            InteractionKind.Purchase,
            customerId: default(CustomerId),
            subject: new string('s', 501),
            transaction: new TransactionDetail("", Money.Of(-1m, "EUR")),
            feedback: new FeedbackDetail(FeedbackCategory.Other)));

        string[] expected = ["CustomerId:required", "Feedback:forbidden-for-kind", "Subject:max-length", "Transaction.Amount:amount-positive", "Transaction.OrderReference:required"];
        Assert.Equal(expected, exception.Errors.Select(e => $"{e.Field}:{e.Rule}").Order(StringComparer.Ordinal));
    }
}
