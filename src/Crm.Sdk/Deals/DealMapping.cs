using Crm.Sdk.Encryption;
using Crm.Sdk.ProviderKit;
using Crm.Sdk.Storage;
using Crm.Sdk.Storage.Json;
using NodaTime;

namespace Crm.Sdk.Deals;

/// <summary>How a <see cref="Deal"/> is stored: collection <c>deals</c>, its stage history inside the document.</summary>
internal sealed class DealMapping(IClock? clock = null) : AggregateMapping<Deal>(Definition, clock)
{
    /// <summary>The collection name.</summary>
    public const string CollectionName = "deals";

    private const string NameField = "name";

    /// <summary>Uuid: the customer.</summary>
    public const string CustomerIdIndex = "customer_id";

    /// <summary>Uuid: the pipeline.</summary>
    public const string PipelineIdIndex = "pipeline_id";

    /// <summary>Uuid: the current stage.</summary>
    public const string StageIdIndex = "stage_id";

    /// <summary>Text: the status, as in the document (<c>open</c>, <c>won</c>, <c>lost</c>; see <see cref="StatusKey"/>).</summary>
    public const string StatusIndex = "status";

    /// <summary>Number: the amount (in <see cref="CurrencyIndex"/>).</summary>
    public const string AmountIndex = "amount";

    /// <summary>Text: the ISO 4217 currency of the amount.</summary>
    public const string CurrencyIndex = "currency";

    /// <summary>Text: the owner id, or null.</summary>
    public const string OwnerIdIndex = "owner_id";

    /// <summary>Whole number: the expected close date (<see cref="IndexConversions.ToIndex(LocalDate)"/>), or null.</summary>
    public const string ExpectedCloseIndex = "expected_close";

    /// <summary>Whole number: the creation time (<see cref="IndexConversions.ToIndex(Instant)"/>).</summary>
    public const string CreatedAtIndex = "created_at";

    /// <summary>Whole number: the time of the last saved change (<see cref="IndexConversions.ToIndex(Instant)"/>).</summary>
    public const string UpdatedAtIndex = "updated_at";

    /// <inheritdoc />
    public static CollectionDefinition Definition { get; } = new(
        CollectionName,
        [
            new IndexDefinition(CustomerIdIndex, IndexValueType.Uuid),
            new IndexDefinition(PipelineIdIndex, IndexValueType.Uuid),
            new IndexDefinition(StageIdIndex, IndexValueType.Uuid),
            new IndexDefinition(StatusIndex, IndexValueType.Text),
            new IndexDefinition(AmountIndex, IndexValueType.Number),
            new IndexDefinition(CurrencyIndex, IndexValueType.Text),
            new IndexDefinition(OwnerIdIndex, IndexValueType.Text),
            new IndexDefinition(ExpectedCloseIndex, IndexValueType.WholeNumber),
            new IndexDefinition(CreatedAtIndex, IndexValueType.WholeNumber),
            new IndexDefinition(UpdatedAtIndex, IndexValueType.WholeNumber),
        ],
        [
            [PipelineIdIndex, StageIdIndex],
            [CustomerIdIndex, StatusIndex],
        ]);

    /// <summary>The value of <see cref="StatusIndex"/> for a status: the same kebab-case text as in the document.</summary>
    public static string StatusKey(DealStatus status) => status switch
    {
        DealStatus.Open => "open",
        DealStatus.Won => "won",
        DealStatus.Lost => "lost",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown deal status."),
    };

    /// <inheritdoc />
    public override Guid? GetOwnerId(Deal aggregate)
    {
        ArgumentNullException.ThrowIfNull(aggregate);
        return aggregate.CustomerId.Value;
    }

    /// <inheritdoc />
    public override string Serialize(Deal aggregate, FieldProtector protector)
    {
        ArgumentNullException.ThrowIfNull(aggregate);
        ArgumentNullException.ThrowIfNull(protector);
        using var fields = protector.ForRecord(CollectionName, aggregate.Id.Value, new RecordClaims(aggregate.Version + 1, aggregate.CustomerId.Value, aggregate.OwnerId));
        return CrmJson.Serialize(new DealDocument
        {
            CustomerId = aggregate.CustomerId.Value,
            PipelineId = aggregate.PipelineId.Value,
            Name = fields.Seal(NameField, aggregate.Name),
            Amount = aggregate.Amount.Amount,
            Currency = aggregate.Amount.Currency,
            ExpectedCloseDate = aggregate.ExpectedCloseDate,
            OwnerId = aggregate.OwnerId,
            StageId = aggregate.StageId.Value,
            Status = aggregate.Status,
            StageHistory = [.. aggregate.StageHistory.Select(e => new StageEntryDocument { StageId = e.StageId.Value, EnteredAt = e.EnteredAt, LeftAt = e.LeftAt })],
            LostReason = aggregate.LostReason,
            ClosedAt = aggregate.ClosedAt,
            CreatedAt = aggregate.CreatedAt,
            UpdatedAt = aggregate.UpdatedAt,
            Sealed = fields.Sealed,
        });
    }

    /// <inheritdoc />
    protected override Deal Restore(StoredDocument document, FieldProtector protector)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(protector);
        var body = CrmJson.Deserialize<DealDocument>(document.Body, CollectionName);
        using var fields = protector.ForRecord(CollectionName, document.Id, new RecordClaims(document.Version, body.CustomerId, body.OwnerId), body.Sealed, requiredField: NameField);
        return Deal.Restore(
            new DealId(document.Id),
            document.Version,
            new CustomerId(body.CustomerId),
            new PipelineId(body.PipelineId),
            fields.Open(NameField, body.Name) ?? "[erased]",
            Money.Of(body.Amount, body.Currency),
            body.ExpectedCloseDate,
            body.OwnerId,
            new StageId(body.StageId),
            body.Status,
            body.StageHistory.Select(e => new DealStageEntry(new StageId(e.StageId), e.EnteredAt, e.LeftAt)),
            body.LostReason,
            body.ClosedAt,
            body.CreatedAt,
            body.UpdatedAt);
    }

    /// <inheritdoc />
    public override bool TryGetClaim(Deal aggregate, string index, out object? value)
    {
        ArgumentNullException.ThrowIfNull(aggregate);
        value = index switch
        {
            CustomerIdIndex => aggregate.CustomerId.Value,
            OwnerIdIndex => aggregate.OwnerId,
            _ => null,
        };
        return index is CustomerIdIndex or OwnerIdIndex;
    }

    /// <inheritdoc />
    public override IndexValues GetIndexValues(Deal aggregate, FieldProtector protector)
    {
        ArgumentNullException.ThrowIfNull(aggregate);
        return new IndexValues(Collection)
            .Set(CustomerIdIndex, aggregate.CustomerId.Value)
            .Set(PipelineIdIndex, aggregate.PipelineId.Value)
            .Set(StageIdIndex, aggregate.StageId.Value)
            .Set(StatusIndex, StatusKey(aggregate.Status))
            .Set(AmountIndex, aggregate.Amount.Amount)
            .Set(CurrencyIndex, aggregate.Amount.Currency)
            .Set(OwnerIdIndex, aggregate.OwnerId)
            .Set(ExpectedCloseIndex, aggregate.ExpectedCloseDate is { } date ? IndexConversions.ToIndex(date) : null)
            .Set(CreatedAtIndex, IndexConversions.ToIndex(aggregate.CreatedAt))
            .Set(UpdatedAtIndex, IndexConversions.ToIndex(aggregate.UpdatedAt));
    }

    private sealed class DealDocument
    {
        public required Guid CustomerId { get; init; }

        public required Guid PipelineId { get; init; }

        public string? Name { get; init; }

        public string? Sealed { get; init; }

        public required decimal Amount { get; init; }

        public required string Currency { get; init; }

        public LocalDate? ExpectedCloseDate { get; init; }

        public string? OwnerId { get; init; }

        public required Guid StageId { get; init; }

        public required DealStatus Status { get; init; }

        public required List<StageEntryDocument> StageHistory { get; init; }

        public string? LostReason { get; init; }

        public Instant? ClosedAt { get; init; }

        public required Instant CreatedAt { get; init; }

        public required Instant UpdatedAt { get; init; }
    }

    private sealed class StageEntryDocument
    {
        public required Guid StageId { get; init; }

        public required Instant EnteredAt { get; init; }

        public Instant? LeftAt { get; init; }
    }
}
