using System.Text.Json;
using Crm.Sdk.Encryption;
using Crm.Sdk.ProviderKit;
using Crm.Sdk.Storage;
using Crm.Sdk.Storage.Json;
using NodaTime;

namespace Crm.Sdk.Tickets;

/// <summary>How a <see cref="Ticket"/> becomes a document of the <c>tickets</c> collection.</summary>
internal sealed class TicketMapping(IClock? clock = null) : AggregateMapping<Ticket>(Definition, clock)
{
    public const string CollectionName = "tickets";
    public const string CustomerIdIndex = "customer_id";
    public const string StatusIndex = "status";
    public const string IsOpenIndex = "is_open";
    public const string PriorityIndex = "priority";
    public const string TypeIndex = "type";
    public const string AssigneeIdIndex = "assignee_id";
    public const string CreatedAtIndex = "created_at";
    public const string RatingIndex = "rating";

    /// <summary>The order of the support queue: most urgent first, then oldest first (see <see cref="QueueKey"/>).</summary>
    public const string QueueKeyIndex = "queue_key";

    private const string SubjectField = "subject";
    private const string DescriptionField = "description";
    private const string CommentsField = "comments";
    private const string SatisfactionCommentField = "satisfaction_comment";

    private const long QueueRankSpan = 100_000_000_000_000_000; // 10^17 ticks: beyond the year 2286.

    private static readonly string[] StatusNames = KebabNames<TicketStatus>();
    private static readonly string[] TypeNames = KebabNames<TicketType>();

    public static CollectionDefinition Definition { get; } = new(
        CollectionName,
        [
            new IndexDefinition(CustomerIdIndex, IndexValueType.Uuid),
            new IndexDefinition(StatusIndex, IndexValueType.Text),
            new IndexDefinition(IsOpenIndex, IndexValueType.WholeNumber),
            new IndexDefinition(PriorityIndex, IndexValueType.WholeNumber),
            new IndexDefinition(TypeIndex, IndexValueType.Text),
            new IndexDefinition(AssigneeIdIndex, IndexValueType.Text),
            new IndexDefinition(CreatedAtIndex, IndexValueType.WholeNumber),
            new IndexDefinition(RatingIndex, IndexValueType.WholeNumber),
            new IndexDefinition(QueueKeyIndex, IndexValueType.WholeNumber),
        ],
        [
            [AssigneeIdIndex, IsOpenIndex, QueueKeyIndex],
            [CustomerIdIndex, IsOpenIndex],
            [IsOpenIndex, QueueKeyIndex],
        ]);

    public static TicketMapping Instance { get; } = new();

    /// <summary>The value of the <c>status</c> index for a status (kebab-case, as in the document).</summary>
    public static string ToIndex(TicketStatus status) => StatusNames[(int)status];

    /// <summary>The value of the <c>type</c> index for a type (kebab-case, as in the document).</summary>
    public static string ToIndex(TicketType type) => TypeNames[(int)type];

    /// <summary>The value of the <c>priority</c> index: a rank that sorts <see cref="TicketPriority.Urgent"/> highest.</summary>
    public static long ToIndex(TicketPriority priority) => priority switch
    {
        TicketPriority.Low => 0,
        TicketPriority.Normal => 1,
        TicketPriority.High => 2,
        TicketPriority.Urgent => 3,
        _ => throw new ArgumentOutOfRangeException(nameof(priority), priority, "Unknown ticket priority."),
    };

    /// <summary>
    /// One number that orders the queue ascending: the priority rank, highest first, then the creation time, oldest first.
    /// </summary>
    public static long QueueKey(TicketPriority priority, Instant createdAt) =>
        ((ToIndex(TicketPriority.Urgent) - ToIndex(priority)) * QueueRankSpan) + IndexConversions.ToIndex(createdAt);

    public override Guid? GetOwnerId(Ticket aggregate) => aggregate.CustomerId.Value;

    public override string Serialize(Ticket aggregate, FieldProtector protector)
    {
        ArgumentNullException.ThrowIfNull(aggregate);
        ArgumentNullException.ThrowIfNull(protector);
        using var fields = protector.ForRecord(CollectionName, aggregate.Id.Value, new RecordClaims(aggregate.Version + 1, aggregate.CustomerId.Value, aggregate.AssigneeId));
        var commentBodies = aggregate.Comments.Count == 0 ? null : fields.Seal(CommentsField, aggregate.Comments.Select(c => c.Body).ToList());
        return CrmJson.Serialize(new Document
        {
            CustomerId = aggregate.CustomerId.Value,
            Type = aggregate.Type,
            Subject = fields.Seal(SubjectField, aggregate.Subject),
            Description = fields.Seal(DescriptionField, aggregate.Description),
            Priority = aggregate.Priority,
            Status = aggregate.Status,
            AssigneeId = aggregate.AssigneeId,
            Comments = aggregate.Comments.Count == 0
                ? null
                : aggregate.Comments.Select(c => new CommentDocument
                {
                    Id = c.Id,
                    AuthorId = c.AuthorId,
                    Body = commentBodies is null ? null : c.Body,
                    IsInternal = c.IsInternal,
                    IsFromCustomer = c.IsFromCustomer,
                    CreatedAt = c.CreatedAt,
                }).ToList(),
            Rating = aggregate.Satisfaction?.Rating,
            RatingComment = fields.Seal(SatisfactionCommentField, aggregate.Satisfaction?.Comment),
            RatedAt = aggregate.Satisfaction?.RatedAt,
            CreatedAt = aggregate.CreatedAt,
            UpdatedAt = aggregate.UpdatedAt,
            ResolvedAt = aggregate.ResolvedAt,
            ClosedAt = aggregate.ClosedAt,
            FirstResponseAt = aggregate.FirstResponseAt,
            ReopenCount = aggregate.ReopenCount,
            Erased = aggregate.IsErased ? true : null,
            Sealed = fields.Sealed,
        });
    }

    protected override Ticket Restore(StoredDocument document, FieldProtector protector)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(protector);
        var body = CrmJson.Deserialize<Document>(document.Body, CollectionName);
        using var fields = protector.ForRecord(CollectionName, document.Id, new RecordClaims(document.Version, body.CustomerId, body.AssigneeId), body.Sealed, body.Erased == true, SubjectField);
        var subject = fields.Open(SubjectField, body.Subject);
        var description = fields.Open(DescriptionField, body.Description);
        var commentBodies = fields.Open(CommentsField, (List<string>?)null);
        var ratingComment = fields.Open(SatisfactionCommentField, body.RatingComment);
        var erased = fields.IsErased || body.Erased == true;
        return Ticket.Restore(new TicketState(
            new TicketId(document.Id),
            document.Version,
            new CustomerId(body.CustomerId),
            body.Type,
            subject ?? (erased ? Ticket.ErasedText : string.Empty),
            description,
            body.Priority,
            body.Status,
            body.AssigneeId,
            body.Comments?.Select((c, i) => new TicketComment(c.Id, c.AuthorId, commentBodies?[i] ?? c.Body ?? Ticket.ErasedText, c.IsInternal, c.IsFromCustomer, c.CreatedAt)).ToArray() ?? [],
            body.Rating is { } rating && body.RatedAt is { } ratedAt ? new TicketSatisfaction(rating, ratingComment, ratedAt) : null,
            body.CreatedAt,
            body.UpdatedAt,
            body.ResolvedAt,
            body.ClosedAt,
            body.FirstResponseAt,
            body.ReopenCount,
            erased));
    }

    public override bool TryGetClaim(Ticket aggregate, string index, out object? value)
    {
        ArgumentNullException.ThrowIfNull(aggregate);
        value = index switch
        {
            CustomerIdIndex => aggregate.CustomerId.Value,
            AssigneeIdIndex => aggregate.AssigneeId,
            _ => null,
        };
        return index is CustomerIdIndex or AssigneeIdIndex;
    }

    public override IndexValues GetIndexValues(Ticket aggregate, FieldProtector protector)
    {
        ArgumentNullException.ThrowIfNull(aggregate);
        return new IndexValues(Collection)
            .Set(CustomerIdIndex, aggregate.CustomerId.Value)
            .Set(StatusIndex, ToIndex(aggregate.Status))
            .Set(IsOpenIndex, IndexConversions.ToIndex(aggregate.IsOpen))
            .Set(PriorityIndex, ToIndex(aggregate.Priority))
            .Set(TypeIndex, ToIndex(aggregate.Type))
            .Set(AssigneeIdIndex, aggregate.AssigneeId)
            .Set(CreatedAtIndex, IndexConversions.ToIndex(aggregate.CreatedAt))
            .Set(RatingIndex, aggregate.Satisfaction is { } satisfaction ? satisfaction.Rating : (long?)null)
            .Set(QueueKeyIndex, QueueKey(aggregate.Priority, aggregate.CreatedAt));
    }

    private static string[] KebabNames<TEnum>()
        where TEnum : struct, Enum =>
        Enum.GetValues<TEnum>().Select(v => JsonNamingPolicy.KebabCaseLower.ConvertName(v.ToString())).ToArray();

    /// <summary>The stored shape of a ticket.</summary>
    private sealed class Document
    {
        public Guid CustomerId { get; set; }

        public TicketType Type { get; set; }

        public string? Subject { get; set; }

        public string? Description { get; set; }

        public TicketPriority Priority { get; set; }

        public TicketStatus Status { get; set; }

        public string? AssigneeId { get; set; }

        public List<CommentDocument>? Comments { get; set; }

        public int? Rating { get; set; }

        public string? RatingComment { get; set; }

        public Instant? RatedAt { get; set; }

        public Instant CreatedAt { get; set; }

        public Instant UpdatedAt { get; set; }

        public Instant? ResolvedAt { get; set; }

        public Instant? ClosedAt { get; set; }

        public Instant? FirstResponseAt { get; set; }

        public int ReopenCount { get; set; }

        public bool? Erased { get; set; }

        public string? Sealed { get; set; }
    }

    private sealed class CommentDocument
    {
        public Guid Id { get; set; }

        public string AuthorId { get; set; } = string.Empty;

        public string? Body { get; set; }

        public bool IsInternal { get; set; }

        public bool IsFromCustomer { get; set; }

        public Instant CreatedAt { get; set; }
    }
}
