using System.Text.Json;
using System.Text.Json.Serialization;
using Crm.Sdk.Encryption;
using Crm.Sdk.ProviderKit;
using Crm.Sdk.Storage;
using Crm.Sdk.Storage.Json;
using NodaTime;

namespace Crm.Sdk.Interactions;

/// <summary>
/// How an <see cref="Interaction"/> becomes a document of the <c>interactions</c> collection. This is the hot path
/// (millions of rows), so the body is written through a source-generated JSON context that shares
/// <see cref="CrmJson"/>'s settings and converters (camelCase, no nulls, kebab-case enums, ISO instants).
/// </summary>
internal sealed partial class InteractionMapping(IClock? clock = null) : AggregateMapping<Interaction>(Definition, clock)
{
    public const string CollectionName = "interactions";
    public const string CustomerIdIndex = "customer_id";
    public const string OccurredAtIndex = "occurred_at";
    public const string KindIndex = "kind";
    public const string AmountIndex = "amount";
    public const string CurrencyIndex = "currency";
    public const string RatingIndex = "rating";
    public const string RatingScaleIndex = "rating_scale";
    public const string DealIdIndex = "deal_id";
    public const string TicketIdIndex = "ticket_id";

    private const string SubjectField = "subject";
    private const string BodyField = "body";
    private const string ParticipantsField = "participants";
    private const string FeedbackCommentField = "feedback_comment";

    private static readonly string[] KindNames = KebabNames<InteractionKind>();
    private static readonly string[] ScaleNames = KebabNames<RatingScale>();
    private static readonly DocumentJsonContext Json = new(new JsonSerializerOptions(CrmJson.Options));

    public static CollectionDefinition Definition { get; } = new(
        CollectionName,
        [
            // Read only per customer: the two composites serve every lookup, so none of these keeps a B-tree of its own
            // (each would cost every ingested interaction one more B-tree insert).
            new IndexDefinition(CustomerIdIndex, IndexValueType.Uuid) { HasOwnIndex = false },
            new IndexDefinition(OccurredAtIndex, IndexValueType.WholeNumber) { HasOwnIndex = false },
            new IndexDefinition(KindIndex, IndexValueType.Text) { HasOwnIndex = false },
            new IndexDefinition(AmountIndex, IndexValueType.Number) { HasOwnIndex = false },
            new IndexDefinition(CurrencyIndex, IndexValueType.Text) { HasOwnIndex = false },
            new IndexDefinition(RatingIndex, IndexValueType.WholeNumber) { HasOwnIndex = false },
            new IndexDefinition(RatingScaleIndex, IndexValueType.Text) { HasOwnIndex = false },
            new IndexDefinition(DealIdIndex, IndexValueType.Uuid),
            new IndexDefinition(TicketIdIndex, IndexValueType.Uuid),
        ],
        [
            [CustomerIdIndex, OccurredAtIndex],
            [CustomerIdIndex, KindIndex, OccurredAtIndex],
        ]);

    public static InteractionMapping Instance { get; } = new();

    /// <summary>The value of the <c>kind</c> index for a kind, for building filters.</summary>
    public static string ToIndex(InteractionKind kind) => KindNames[(int)kind];

    /// <summary>The value of the <c>rating_scale</c> index for a scale, for building filters.</summary>
    public static string ToIndex(RatingScale scale) => ScaleNames[(int)scale];

    public override Guid? GetOwnerId(Interaction aggregate) => aggregate.CustomerId.Value;

    public override string Serialize(Interaction aggregate, FieldProtector protector)
    {
        ArgumentNullException.ThrowIfNull(aggregate);
        ArgumentNullException.ThrowIfNull(protector);
        using var fields = protector.ForRecord(CollectionName, aggregate.Id.Value, Claims(aggregate.Version + 1, aggregate.CustomerId.Value, aggregate.DealId?.Value, aggregate.TicketId?.Value));
        var document = new Document
        {
            CustomerId = aggregate.CustomerId.Value,
            Kind = aggregate.Kind,
            Channel = aggregate.Channel,
            Direction = aggregate.Direction,
            OccurredAt = aggregate.OccurredAt,
            RecordedAt = aggregate.RecordedAt,
            Subject = fields.Seal(SubjectField, aggregate.Subject),
            Body = fields.Seal(BodyField, aggregate.Body),
            Participants = aggregate.Participants.Count == 0
                ? null
                : fields.Seal(ParticipantsField, aggregate.Participants.Select(p => new ParticipantDocument { Name = p.Name, Address = p.Address, Role = p.Role }).ToList()),
            OrderReference = aggregate.Transaction?.OrderReference,
            Amount = aggregate.Transaction?.Amount.Amount,
            Currency = aggregate.Transaction?.Amount.Currency,
            FeedbackCategory = aggregate.Feedback?.Category,
            Rating = aggregate.Feedback?.Rating,
            RatingScale = aggregate.Feedback?.Scale,
            FeedbackComment = fields.Seal(FeedbackCommentField, aggregate.Feedback?.Comment),
            EventName = aggregate.BehaviourEvent?.Name,
            EventProperties = aggregate.BehaviourEvent?.Properties is { Count: > 0 } properties ? properties : null,
            DealId = aggregate.DealId?.Value,
            TicketId = aggregate.TicketId?.Value,
        };
        document.Sealed = fields.Sealed;
        document.Erased = aggregate.IsErased ? true : null;
        return JsonSerializer.Serialize(document, Json.Document);
    }

    protected override Interaction Restore(StoredDocument document, FieldProtector protector)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(protector);
        Document body;
        try
        {
            body = JsonSerializer.Deserialize(document.Body, Json.Document)
                ?? throw new CrmStorageException($"A document of '{CollectionName}' is empty.", null);
        }
        catch (JsonException ex)
        {
            throw new CrmStorageException($"A document of '{CollectionName}' could not be read: {ex.Message}", ex);
        }

        using var fields = protector.ForRecord(CollectionName, document.Id, Claims(document.Version, body.CustomerId, body.DealId, body.TicketId), body.Sealed, body.Erased == true);
        var subject = fields.Open(SubjectField, body.Subject);
        var text = fields.Open(BodyField, body.Body);
        var participants = fields.Open(ParticipantsField, body.Participants);
        var feedbackComment = fields.Open(FeedbackCommentField, body.FeedbackComment);
        return Interaction.Restore(
            new InteractionId(document.Id),
            document.Version,
            new CustomerId(body.CustomerId),
            body.Kind,
            body.Channel,
            body.Direction,
            body.OccurredAt,
            body.RecordedAt,
            subject,
            text,
            participants?.Select(p => new Participant(p.Name, p.Address, p.Role)).ToArray(),
            body.OrderReference is null && body.Amount is null
                ? null
                : new TransactionDetail(body.OrderReference ?? string.Empty, RestoreMoney(body.Amount ?? 0m, body.Currency)),
            body.FeedbackCategory is { } category ? new FeedbackDetail(category, body.Rating, body.RatingScale, feedbackComment) : null,
            body.EventName is { } eventName ? new BehaviourEventDetail(eventName, body.EventProperties) : null,
            body.DealId is { } dealId ? new DealId(dealId) : null,
            body.TicketId is { } ticketId ? new TicketId(ticketId) : null,
            fields.IsErased || body.Erased == true);
    }

    public override bool TryGetClaim(Interaction aggregate, string index, out object? value)
    {
        ArgumentNullException.ThrowIfNull(aggregate);
        value = index switch
        {
            CustomerIdIndex => aggregate.CustomerId.Value,
            DealIdIndex => aggregate.DealId?.Value,
            TicketIdIndex => aggregate.TicketId?.Value,
            _ => null,
        };
        return index is CustomerIdIndex or DealIdIndex or TicketIdIndex;
    }

    public override IndexValues GetIndexValues(Interaction aggregate, FieldProtector protector)
    {
        ArgumentNullException.ThrowIfNull(aggregate);
        var values = new IndexValues(Collection)
            .Set(CustomerIdIndex, aggregate.CustomerId.Value)
            .Set(OccurredAtIndex, IndexConversions.ToIndex(aggregate.OccurredAt))
            .Set(KindIndex, ToIndex(aggregate.Kind))
            .Set(AmountIndex, aggregate.Transaction?.Amount.Amount)
            .Set(CurrencyIndex, aggregate.Transaction?.Amount.Currency)
            .Set(RatingIndex, aggregate.Feedback?.Rating is { } rating ? rating : (long?)null)
            .Set(RatingScaleIndex, aggregate.Feedback?.Scale is { } scale ? ToIndex(scale) : null)
            .Set(DealIdIndex, aggregate.DealId?.Value)
            .Set(TicketIdIndex, aggregate.TicketId?.Value);
        return values;
    }

    // What an interaction's seal binds: its version, customer, deal and ticket.
    private static RecordClaims Claims(long version, Guid customerId, Guid? dealId, Guid? ticketId) =>
        new(version, customerId, DealId: dealId, TicketId: ticketId);

    private static Money RestoreMoney(decimal amount, string? currency)
    {
        try
        {
            return Money.Of(amount, currency ?? string.Empty);
        }
        catch (CrmValidationException ex)
        {
            throw new CrmStorageException($"A document of '{CollectionName}' holds an invalid amount: {ex.Message}", ex);
        }
    }

    private static string[] KebabNames<TEnum>()
        where TEnum : struct, Enum =>
        Enum.GetValues<TEnum>().OrderBy(v => Convert.ToInt32(v, System.Globalization.CultureInfo.InvariantCulture)).Select(v => JsonNamingPolicy.KebabCaseLower.ConvertName(v.ToString())).ToArray();

    /// <summary>The stored shape of an interaction. Flat, so that a reader needs no nested objects for the common kinds.</summary>
    private sealed class Document
    {
        public Guid CustomerId { get; set; }

        public InteractionKind Kind { get; set; }

        public InteractionChannel Channel { get; set; }

        public InteractionDirection Direction { get; set; }

        public Instant OccurredAt { get; set; }

        public Instant RecordedAt { get; set; }

        public string? Subject { get; set; }

        public string? Body { get; set; }

        public List<ParticipantDocument>? Participants { get; set; }

        public string? OrderReference { get; set; }

        public decimal? Amount { get; set; }

        public string? Currency { get; set; }

        public FeedbackCategory? FeedbackCategory { get; set; }

        public int? Rating { get; set; }

        public RatingScale? RatingScale { get; set; }

        public string? FeedbackComment { get; set; }

        public string? EventName { get; set; }

        public IReadOnlyDictionary<string, string>? EventProperties { get; set; }

        public Guid? DealId { get; set; }

        public Guid? TicketId { get; set; }

        public bool? Erased { get; set; }

        public string? Sealed { get; set; }
    }

    private sealed class ParticipantDocument
    {
        public string? Name { get; set; }

        public string? Address { get; set; }

        public string? Role { get; set; }
    }

    [JsonSerializable(typeof(Document))]
    private sealed partial class DocumentJsonContext : JsonSerializerContext;
}
