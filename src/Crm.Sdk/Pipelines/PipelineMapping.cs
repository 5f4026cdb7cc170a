using Crm.Sdk.Domain;
using Crm.Sdk.Encryption;
using Crm.Sdk.ProviderKit;
using Crm.Sdk.Storage;
using Crm.Sdk.Storage.Json;
using NodaTime;

namespace Crm.Sdk.Pipelines;

/// <summary>How a <see cref="Pipeline"/> is stored: collection <c>pipelines</c>, its stages inside the document.</summary>
internal sealed class PipelineMapping(IClock? clock = null) : AggregateMapping<Pipeline>(Definition, clock)
{
    /// <summary>The collection name.</summary>
    public const string CollectionName = "pipelines";

    /// <summary>Text: the name's <see cref="TextKey"/> (NFKC_Casefold), to find a pipeline by name ignoring case.</summary>
    public const string NameKeyIndex = "name_key";

    /// <summary>Whole number: the creation time (<see cref="IndexConversions.ToIndex(Instant)"/>).</summary>
    public const string CreatedAtIndex = "created_at";

    /// <inheritdoc />
    public static CollectionDefinition Definition { get; } = new(
        CollectionName,
        [
            new IndexDefinition(NameKeyIndex, IndexValueType.Text),
            new IndexDefinition(CreatedAtIndex, IndexValueType.WholeNumber),
        ]);

    /// <summary>The value of <see cref="NameKeyIndex"/> for a name.</summary>
    public static string NameKey(string name) => TextKey.Of(name);

    /// <inheritdoc />
    public override string Serialize(Pipeline aggregate, FieldProtector protector)
    {
        ArgumentNullException.ThrowIfNull(aggregate);
        return CrmJson.Serialize(new PipelineDocument
        {
            Name = aggregate.Name,
            Stages = [.. aggregate.Stages.Select(s => new StageDocument { Id = s.Id.Value, Name = s.Name, Probability = s.Probability, Outcome = s.Outcome })],
            CreatedAt = aggregate.CreatedAt,
            UpdatedAt = aggregate.UpdatedAt,
        });
    }

    /// <inheritdoc />
    protected override Pipeline Restore(StoredDocument document, FieldProtector protector)
    {
        ArgumentNullException.ThrowIfNull(document);
        var body = CrmJson.Deserialize<PipelineDocument>(document.Body, CollectionName);
        return Pipeline.Restore(
            new PipelineId(document.Id),
            document.Version,
            body.Name,
            body.Stages.Select(s => new PipelineStage(new StageId(s.Id), s.Name, s.Probability, s.Outcome)),
            body.CreatedAt,
            body.UpdatedAt);
    }

    /// <inheritdoc />
    public override IndexValues GetIndexValues(Pipeline aggregate, FieldProtector protector)
    {
        ArgumentNullException.ThrowIfNull(aggregate);
        return new IndexValues(Collection)
            .Set(NameKeyIndex, NameKey(aggregate.Name))
            .Set(CreatedAtIndex, IndexConversions.ToIndex(aggregate.CreatedAt));
    }

    private sealed class PipelineDocument
    {
        public required string Name { get; init; }

        public required List<StageDocument> Stages { get; init; }

        public required Instant CreatedAt { get; init; }

        public required Instant UpdatedAt { get; init; }
    }

    private sealed class StageDocument
    {
        public required Guid Id { get; init; }

        public required string Name { get; init; }

        public required decimal Probability { get; init; }

        public required StageOutcome Outcome { get; init; }
    }
}
