using Crm.Sdk.Customers;
using Crm.Sdk.Deals;
using Crm.Sdk.Pipelines;
using Crm.Sdk.ProviderKit;
using Crm.Sdk.Storage;
using NodaTime;
using Xunit;

namespace Crm.Sdk.Tests.Pipelines;

/// <summary>How a deal is stored.</summary>
public sealed class DealMappingTests
{
    private readonly DealMapping _mapping = new();
    private readonly Pipeline _pipeline = Samples.SalesPipeline();

    private Deal RoundTrip(Deal deal) =>
        _mapping.Deserialize(new StoredDocument(_mapping.GetId(deal), _mapping.GetVersion(deal), _mapping.Serialize(deal)));

    private static void AssertSameDeal(Deal expected, Deal actual)
    {
        Assert.Equal(expected.Id, actual.Id);
        Assert.Equal(expected.Version, actual.Version);
        Assert.Equal(expected.CustomerId, actual.CustomerId);
        Assert.Equal(expected.PipelineId, actual.PipelineId);
        Assert.Equal(expected.Name, actual.Name);
        Assert.Equal(expected.Amount, actual.Amount);
        Assert.Equal(expected.ExpectedCloseDate, actual.ExpectedCloseDate);
        Assert.Equal(expected.OwnerId, actual.OwnerId);
        Assert.Equal(expected.StageId, actual.StageId);
        Assert.Equal(expected.Status, actual.Status);
        Assert.Equal(expected.StageHistory, actual.StageHistory);
        Assert.Equal(expected.LostReason, actual.LostReason);
        Assert.Equal(expected.ClosedAt, actual.ClosedAt);
        Assert.Equal(expected.CreatedAt, actual.CreatedAt);
        Assert.Equal(expected.UpdatedAt, actual.UpdatedAt);
        Assert.Empty(actual.DomainEvents);
    }

    [Fact]
    public void Round_trip_of_a_lost_deal_keeps_every_field()
    {
        var deal = Deal.Create(
            Samples.DealDraft(_pipeline) with { ExpectedCloseDate = new LocalDate(2025, 7, 15), OwnerId = "rep-9", Amount = Money.Of(1234.5678m, "JPY") },
            _pipeline,
            DealId.New(Samples.T0),
            Samples.T0);
        deal.MoveTo(_pipeline, _pipeline.Stage("Proposal").Id, Samples.T0 + Duration.FromTicks(1234567));
        deal.Lose(_pipeline, "Budget cut – «Q3»", Samples.Minutes(90));
        deal.Touch(Samples.Minutes(91));
        _mapping.SetVersion(deal, 7);

        var restored = RoundTrip(deal);

        AssertSameDeal(deal, restored);
        Assert.Equal(7, restored.Version);
        Assert.Equal(_mapping.Serialize(deal), _mapping.Serialize(restored));
    }

    [Fact]
    public void Round_trip_of_an_open_deal_without_optional_fields()
    {
        var deal = Samples.NewDeal(_pipeline);

        var restored = RoundTrip(deal);

        AssertSameDeal(deal, restored);
        Assert.Null(restored.OwnerId);
        Assert.Null(restored.ExpectedCloseDate);
        Assert.Null(restored.ClosedAt);
    }

    [Fact]
    public void Restored_deal_keeps_its_rules()
    {
        var deal = Samples.NewDeal(_pipeline);
        deal.Win(_pipeline, Samples.Minutes(5));

        var restored = RoundTrip(deal);

        Assert.Equal("deal-closed", Assert.Throws<DomainRuleException>(() => restored.MoveTo(_pipeline, _pipeline.FirstOpenStage.Id, Samples.Minutes(6))).Rule);
        restored.Reopen(_pipeline, null, Samples.Minutes(6));
        Assert.Equal(_pipeline.FirstOpenStage.Id, restored.StageId);
    }

    [Fact]
    public void Index_values_hold_what_queries_filter_on()
    {
        var deal = Deal.Create(
            Samples.DealDraft(_pipeline) with { ExpectedCloseDate = new LocalDate(2025, 7, 15), OwnerId = "rep-9" },
            _pipeline,
            DealId.New(Samples.T0),
            Samples.T0);
        deal.Win(_pipeline, Samples.Minutes(10));
        deal.Touch(Samples.Minutes(10));

        var values = _mapping.GetIndexValues(deal);

        Assert.Equal(deal.CustomerId.Value, values[DealMapping.CustomerIdIndex]);
        Assert.Equal(_pipeline.Id.Value, values[DealMapping.PipelineIdIndex]);
        Assert.Equal(_pipeline.WonStage.Id.Value, values[DealMapping.StageIdIndex]);
        Assert.Equal("won", values[DealMapping.StatusIndex]);
        Assert.Equal(12_500m, values[DealMapping.AmountIndex]);
        Assert.Equal("EUR", values[DealMapping.CurrencyIndex]);
        Assert.Equal("rep-9", values[DealMapping.OwnerIdIndex]);
        Assert.Equal((long)new DateOnly(2025, 7, 15).DayNumber, values[DealMapping.ExpectedCloseIndex]);
        Assert.Equal(IndexConversions.ToIndex(Samples.T0), values[DealMapping.CreatedAtIndex]);
        Assert.Equal(IndexConversions.ToIndex(Samples.Minutes(10)), values[DealMapping.UpdatedAtIndex]);
        Assert.Equal(_mapping.Collection.Indexes.Count, values.Count);
    }

    [Fact]
    public void Unset_optional_indexes_are_null()
    {
        var values = _mapping.GetIndexValues(Samples.NewDeal(_pipeline));

        Assert.Null(values[DealMapping.OwnerIdIndex]);
        Assert.Null(values[DealMapping.ExpectedCloseIndex]);
        Assert.Equal("open", values[DealMapping.StatusIndex]);
    }

    [Theory]
    [InlineData(DealStatus.Open)]
    [InlineData(DealStatus.Won)]
    [InlineData(DealStatus.Lost)]
    public void Status_index_matches_the_document_text(DealStatus status)
    {
        var deal = Samples.NewDeal(_pipeline);
        if (status == DealStatus.Won)
        {
            deal.Win(_pipeline, Samples.Minutes(1));
        }
        else if (status == DealStatus.Lost)
        {
            deal.Lose(_pipeline, null, Samples.Minutes(1));
        }

        var key = DealMapping.StatusKey(status);

        Assert.Contains($"\"status\":\"{key}\"", _mapping.Serialize(deal), StringComparison.Ordinal);
        Assert.Equal(key, _mapping.GetIndexValues(deal)[DealMapping.StatusIndex]);
    }

    [Fact]
    public void Collection_declares_its_indexes_and_composites()
    {
        var collection = _mapping.Collection;

        Assert.Equal("deals", collection.Name);
        Assert.Equal(
            [
                ("customer_id", IndexValueType.Uuid), ("pipeline_id", IndexValueType.Uuid), ("stage_id", IndexValueType.Uuid),
                ("status", IndexValueType.Text), ("amount", IndexValueType.Number), ("currency", IndexValueType.Text),
                ("owner_id", IndexValueType.Text), ("expected_close", IndexValueType.WholeNumber),
                ("created_at", IndexValueType.WholeNumber), ("updated_at", IndexValueType.WholeNumber),
            ],
            collection.Indexes.Select(i => (i.Name, i.Type)));
        Assert.Equal([["pipeline_id", "stage_id"], ["customer_id", "status"]], collection.CompositeIndexes.Select(c => c.ToArray()));
        Assert.Equal("Deal", _mapping.EntityName);
    }
}
