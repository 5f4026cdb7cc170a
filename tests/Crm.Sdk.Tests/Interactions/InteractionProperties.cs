using Crm.Sdk.Interactions;
using Crm.Sdk.ProviderKit;
using Crm.Sdk.Storage;
using FsCheck;
using FsCheck.Fluent;
using Xunit;
using static Crm.Sdk.Tests.Interactions.InteractionTestData;

namespace Crm.Sdk.Tests.Interactions;

/// <summary>Properties of interactions that hold for every input.</summary>
public class InteractionProperties
{
    /// <summary>Feedback is accepted exactly when the rating lies on its scale.</summary>
    [Fact]
    public void Feedback_is_accepted_exactly_when_the_rating_lies_on_its_scale()
    {
        var cases = Gen.Choose(-3, 13).SelectMany(r => Gen.Elements(RatingScale.FiveStar, RatingScale.Nps).Select(s => (Rating: r, Scale: s)));

        Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var inRange = c.Scale == RatingScale.FiveStar ? c.Rating is >= 1 and <= 5 : c.Rating is >= 0 and <= 10;
            try
            {
                Record(Feedback(c.Rating, c.Scale));
                return inRange;
            }
            catch (CrmValidationException ex)
            {
                return !inRange && ex.Errors.Count == 1 && ex.Errors[0].Rule == "rating-range";
            }
        }).QuickCheckThrowOnFailure();
    }

    /// <summary>Any valid purchase round trips through its document.</summary>
    [Fact]
    public void Any_valid_purchase_round_trips_through_its_document()
    {
        var cases = Gen.Choose(1, int.MaxValue).SelectMany(cents => Gen.Choose(0, 1_000_000).Select(nanos => (Cents: cents, Nanos: nanos)));

        Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var amount = c.Cents / 100m;
            var interaction = Interaction.Record(Purchase(amount), Id, RecordedAt.PlusNanoseconds(c.Nanos));
            var restored = InteractionMapping.Instance.Deserialize(new ProviderKit.StoredDocument(Id.Value, 1, InteractionMapping.Instance.Serialize(interaction)));
            return restored.Transaction == interaction.Transaction && restored.RecordedAt == interaction.RecordedAt && restored.OccurredAt == interaction.OccurredAt;
        }).QuickCheckThrowOnFailure();
    }
}
