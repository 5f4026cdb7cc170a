using Crm.Sdk.Customers;
using Crm.Sdk.Interactions;
using NodaTime;
using Xunit;

namespace Crm.Sdk.Tests.Interactions;

internal static class InteractionTestData
{
    public static readonly Instant RecordedAt = Instant.FromUtc(2024, 3, 5, 10, 15, 30).PlusNanoseconds(123_456_789);
    public static readonly CustomerId Customer = new(Guid.Parse("0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b"));
    public static readonly InteractionId Id = new(Guid.Parse("0190a1b2-c3d4-7e5f-8a9b-000000000001"));

    public static InteractionDraft Email() => new()
    {
        CustomerId = Customer,
        Kind = InteractionKind.Email,
        Channel = InteractionChannel.Email,
        Direction = InteractionDirection.Inbound,
        Subject = "Where is my order?",
        Body = "Hello, my order has not arrived.",
    };

    public static InteractionDraft Purchase(decimal amount = 49.90m, string orderReference = "SO-1001") => new()
    {
        CustomerId = Customer,
        Kind = InteractionKind.Purchase,
        Channel = InteractionChannel.Web,
        Direction = InteractionDirection.Inbound,
        Transaction = new TransactionDetail(orderReference, Money.Of(amount, "EUR")),
    };

    public static InteractionDraft Feedback(int? rating = 4, RatingScale? scale = RatingScale.FiveStar) => new()
    {
        CustomerId = Customer,
        Kind = InteractionKind.Feedback,
        Channel = InteractionChannel.Web,
        Direction = InteractionDirection.Inbound,
        Feedback = new FeedbackDetail(FeedbackCategory.Praise, rating, scale, "Quick delivery."),
    };

    public static InteractionDraft BehaviourEvent(IReadOnlyDictionary<string, string>? properties = null) => new()
    {
        CustomerId = Customer,
        Kind = InteractionKind.BehaviourEvent,
        Channel = InteractionChannel.Web,
        Direction = InteractionDirection.Inbound,
        BehaviourEvent = new BehaviourEventDetail("page-view", properties ?? new Dictionary<string, string> { ["url"] = "/pricing" }),
    };

    public static Interaction Record(InteractionDraft draft) => Interaction.Record(draft, Id, RecordedAt);

    public static CrmValidationException RecordFails(InteractionDraft draft) =>
        Assert.Throws<CrmValidationException>(() => Record(draft));

    public static void AssertHasError(CrmValidationException exception, string field, string rule) =>
        Assert.Contains(exception.Errors, e => e.Field == field && e.Rule == rule);

    public static void AssertOnlyError(CrmValidationException exception, string field, string rule)
    {
        var error = Assert.Single(exception.Errors);
        Assert.Equal(field, error.Field);
        Assert.Equal(rule, error.Rule);
    }
}
