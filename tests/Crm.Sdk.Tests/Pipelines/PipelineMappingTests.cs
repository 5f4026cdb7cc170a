using Crm.Sdk.Pipelines;
using Crm.Sdk.ProviderKit;
using Crm.Sdk.Storage;
using Xunit;

namespace Crm.Sdk.Tests.Pipelines;

/// <summary>How a pipeline is stored.</summary>
public sealed class PipelineMappingTests
{
    private readonly PipelineMapping _mapping = new();

    /// <summary>Round trip keeps every field.</summary>
    [Fact]
    public void Round_trip_keeps_every_field()
    {
        var pipeline = Samples.SalesPipeline("Enterprise Sales");
        pipeline.AddStage(new PipelineStageDraft { Name = "Negotiation", Probability = 0.85m }, Samples.Minutes(3), position: 3);
        pipeline.Touch(Samples.Minutes(3));
        _mapping.SetVersion(pipeline, 4);

        var restored = _mapping.Deserialize(new StoredDocument(_mapping.GetId(pipeline), 4, _mapping.Serialize(pipeline)));

        Assert.Equal(pipeline.Id, restored.Id);
        Assert.Equal(4, restored.Version);
        Assert.Equal(pipeline.Name, restored.Name);
        Assert.Equal(pipeline.CreatedAt, restored.CreatedAt);
        Assert.Equal(pipeline.UpdatedAt, restored.UpdatedAt);
        Assert.Equal(
            pipeline.Stages.Select(s => (s.Id, s.Name, s.Probability, s.Outcome)),
            restored.Stages.Select(s => (s.Id, s.Name, s.Probability, s.Outcome)));
        Assert.Empty(restored.DomainEvents);
        Assert.Equal(_mapping.Serialize(pipeline), _mapping.Serialize(restored));
    }

    /// <summary>Document stores outcomes as kebab case text.</summary>
    [Fact]
    public void Document_stores_outcomes_as_kebab_case_text()
    {
        var body = _mapping.Serialize(Samples.SalesPipeline());

        Assert.Contains("\"outcome\":\"closed-won\"", body, StringComparison.Ordinal);
        Assert.Contains("\"outcome\":\"closed-lost\"", body, StringComparison.Ordinal);
    }

    /// <summary>Index values hold the lower cased name and creation time.</summary>
    [Fact]
    public void Index_values_hold_the_lower_cased_name_and_creation_time()
    {
        var pipeline = Samples.SalesPipeline("Enterprise SALES");

        var values = _mapping.GetIndexValues(pipeline);

        Assert.Equal("enterprise sales", values[PipelineMapping.NameKeyIndex]);
        Assert.Equal(IndexConversions.ToIndex(Samples.T0), values[PipelineMapping.CreatedAtIndex]);
        Assert.Equal(2, values.Count);
    }

    /// <summary>Collection declares its indexes.</summary>
    [Fact]
    public void Collection_declares_its_indexes()
    {
        var collection = _mapping.Collection;

        Assert.Equal("pipelines", collection.Name);
        Assert.Equal(
            [("name_key", IndexValueType.Text), ("created_at", IndexValueType.WholeNumber)],
            collection.Indexes.Select(i => (i.Name, i.Type)));
        Assert.Equal("Pipeline", _mapping.EntityName);
    }
}
