using Crm.Sdk.Interactions;
using Crm.Sdk.ProviderKit;
using Crm.Sdk.Storage;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using static Crm.Sdk.Tests.Interactions.InteractionTestData;

namespace Crm.Sdk.Tests.Interactions;

/// <summary>Properties of interactions that hold for every input.</summary>
public sealed class InteractionProperties : IDisposable
{
    private readonly CaseCounts _cases = new();

    public void Dispose() => _cases.Verify();

    /// <summary>Feedback is accepted exactly when the rating lies on its scale; both outcomes are seen.</summary>
    [Property(Arbitrary = [typeof(Ratings)], MaxTest = 200)]
    public bool Feedback_is_accepted_exactly_when_the_rating_lies_on_its_scale(int rating, RatingScale scale)
    {
        _cases.Require("accepted", 20).Require("rejected", 20);
        var inRange = scale == RatingScale.FiveStar ? rating is >= 1 and <= 5 : rating is >= 0 and <= 10;
        try
        {
            Record(Feedback(rating, scale));
        }
        catch (CrmValidationException ex)
        {
            _cases.Count(accepted: false);
            return !inRange && ex.Errors.Count == 1 && ex.Errors[0].Rule == "rating-range";
        }

        _cases.Count(accepted: true);
        return inRange;
    }

    /// <summary>Any valid purchase (a positive amount of cents, any nanosecond of recording) round trips through its document.</summary>
    [Property(Arbitrary = [typeof(Purchases)])]
    public bool Any_valid_purchase_round_trips_through_its_document(int cents, long nanos)
    {
        var interaction = Interaction.Record(Purchase(cents / 100m), Id, RecordedAt.PlusNanoseconds(nanos));
        var restored = InteractionMapping.Instance.Deserialize(new StoredDocument(Id.Value, 1, InteractionMapping.Instance.Serialize(interaction)));
        return restored.Transaction == interaction.Transaction && restored.RecordedAt == interaction.RecordedAt && restored.OccurredAt == interaction.OccurredAt;
    }

    /// <summary>Ratings from -3 to 13 on either scale: both sides of both ranges.</summary>
    public static class Ratings
    {
        public static Arbitrary<int> Rating() => Gen.Choose(-3, 13).ToArbitrary();

        public static Arbitrary<RatingScale> Scale() => Gen.Elements(RatingScale.FiveStar, RatingScale.Nps).ToArbitrary();
    }

    /// <summary>Positive whole cents and a nanosecond offset below one millisecond.</summary>
    public static class Purchases
    {
        public static Arbitrary<int> Cents() => Gen.Choose(1, int.MaxValue).ToArbitrary();

        public static Arbitrary<long> Nanos() => Gen.Choose(0, 1_000_000).Select(n => (long)n).ToArbitrary();
    }
}
