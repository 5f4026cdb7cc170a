using Crm.Sdk.Customers;
using Crm.Sdk.Deals;
using Crm.Sdk.Interactions;
using Crm.Sdk.Pipelines;
using Crm.Sdk.Tickets;
using NodaTime;

namespace Crm.Sdk.Testing;

/// <summary>
/// Valid drafts with sensible defaults, for tests of applications that host Crm.Sdk: change only what a test is about
/// with a <c>with</c> expression (records) or an object initializer, and every other field stays valid.
/// </summary>
/// <example>
/// <code>
/// var customer = await crm.Customers.CreateAsync(TestDrafts.Customer("Ada Lovelace") with { Tags = ["vip"] });
/// var pipeline = await crm.Pipelines.CreateAsync(TestDrafts.Pipeline());
/// var deal = await crm.Deals.CreateAsync(TestDrafts.Deal(customer.Id, pipeline, 2500m));
/// </code>
/// </example>
public static class TestDrafts
{
    /// <summary>The currency of the money in the drafts unless a test gives another one.</summary>
    public const string DefaultCurrency = "EUR";

    /// <summary>The names of the stages of <see cref="Pipeline"/>, in order.</summary>
    public static IReadOnlyList<string> StandardStageNames { get; } = ["Qualification", "Proposal", "Won", "Lost"];

    /// <summary>A person with a display name and nothing else: valid under any <see cref="CustomerPolicy"/> without required custom fields.</summary>
    /// <param name="name">The display name, or <see langword="null"/> for <c>Test Customer</c>.</param>
    /// <returns>The draft.</returns>
    public static CustomerDraft Customer(string? name = null) => new()
    {
        Kind = CustomerKind.Person,
        DisplayName = name ?? "Test Customer",
    };

    /// <summary>
    /// The standard four-stage pipeline: <c>Qualification</c> (open, 20 %), <c>Proposal</c> (open, 60 %),
    /// <c>Won</c> (closed-won, 100 %) and <c>Lost</c> (closed-lost, 0 %).
    /// </summary>
    /// <param name="name">The pipeline name, or <see langword="null"/> for <c>Sales</c>.</param>
    /// <returns>The draft.</returns>
    public static PipelineDraft Pipeline(string? name = null) => new()
    {
        Name = name ?? "Sales",
        Stages =
        [
            new PipelineStageDraft { Name = StandardStageNames[0], Probability = 0.2m },
            new PipelineStageDraft { Name = StandardStageNames[1], Probability = 0.6m },
            new PipelineStageDraft { Name = StandardStageNames[2], Probability = 1m, Outcome = StageOutcome.ClosedWon },
            new PipelineStageDraft { Name = StandardStageNames[3], Probability = 0m, Outcome = StageOutcome.ClosedLost },
        ],
    };

    /// <summary>A deal of a customer in a pipeline, starting at the pipeline's first open stage.</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="pipeline">The pipeline the deal moves through.</param>
    /// <param name="amount">The amount, 1,000 unless given.</param>
    /// <param name="currency">The ISO 4217 currency, <see cref="DefaultCurrency"/> unless given.</param>
    /// <param name="name">The deal name, or <see langword="null"/> for <c>Test deal</c>.</param>
    /// <returns>The draft.</returns>
    public static DealDraft Deal(Id<Customer> customerId, Pipeline pipeline, decimal amount = 1000m, string currency = DefaultCurrency, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        return new DealDraft { CustomerId = customerId, PipelineId = pipeline.Id, Name = name ?? "Test deal", Amount = Money.Of(amount, currency) };
    }

    /// <summary>An inquiry of a customer with a subject and a description.</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="priority">The priority, normal unless given.</param>
    /// <param name="subject">The subject, or <see langword="null"/> for <c>Test ticket</c>.</param>
    /// <returns>The draft.</returns>
    public static TicketDraft Ticket(Id<Customer> customerId, TicketPriority priority = TicketPriority.Normal, string? subject = null) => new()
    {
        CustomerId = customerId,
        Type = TicketType.Inquiry,
        Subject = subject ?? "Test ticket",
        Description = "Created by a test.",
        Priority = priority,
    };

    /// <summary>
    /// An interaction of any kind with a customer, with the channel, direction and detail that kind needs: a purchase
    /// or refund of 100 <see cref="DefaultCurrency"/> (order <c>ORDER-1</c>), a five-star feedback rated 5, a
    /// <c>page-view</c> behaviour event; the communication kinds carry a subject and a body.
    /// </summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="kind">What happened, a note unless given.</param>
    /// <param name="occurredAt">When it happened, or <see langword="null"/> for the time it is recorded.</param>
    /// <returns>The draft.</returns>
    public static InteractionDraft Interaction(Id<Customer> customerId, InteractionKind kind = InteractionKind.Note, Instant? occurredAt = null)
    {
        var (channel, direction) = kind switch
        {
            InteractionKind.Email => (InteractionChannel.Email, InteractionDirection.Outbound),
            InteractionKind.Call => (InteractionChannel.Phone, InteractionDirection.Inbound),
            InteractionKind.Chat => (InteractionChannel.Chat, InteractionDirection.Inbound),
            InteractionKind.Meeting => (InteractionChannel.InPerson, InteractionDirection.Outbound),
            InteractionKind.Note => (InteractionChannel.Other, InteractionDirection.Internal),
            _ => (InteractionChannel.Web, InteractionDirection.Inbound),
        };
        var communication = kind is InteractionKind.Email or InteractionKind.Call or InteractionKind.Chat or InteractionKind.Meeting or InteractionKind.Note;
        return new InteractionDraft
        {
            CustomerId = customerId,
            Kind = kind,
            Channel = channel,
            Direction = direction,
            OccurredAt = occurredAt,
            Subject = communication ? $"Test {kind}".ToLowerInvariant() : null,
            Body = communication ? "Recorded by a test." : null,
            Transaction = kind is InteractionKind.Purchase or InteractionKind.Refund ? new TransactionDetail("ORDER-1", Money.Of(100m, DefaultCurrency)) : null,
            Feedback = kind is InteractionKind.Feedback ? new FeedbackDetail(FeedbackCategory.Praise, 5, RatingScale.FiveStar, "Great service.") : null,
            BehaviourEvent = kind is InteractionKind.BehaviourEvent ? new BehaviourEventDetail("page-view", new Dictionary<string, string> { ["url"] = "/pricing" }) : null,
        };
    }
}
