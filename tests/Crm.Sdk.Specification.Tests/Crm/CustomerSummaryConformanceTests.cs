using Crm.Sdk.Customers;
using Crm.Sdk.Deals;
using Crm.Sdk.Interactions;
using Crm.Sdk.Pipelines;
using Crm.Sdk.Specification.Tests.Storage;
using Crm.Sdk.Testing;
using Crm.Sdk.Tickets;
using NodaTime;
using Xunit;

namespace Crm.Sdk.Specification.Tests.Crm;

/// <summary>The customer 360° view computed by the database, against values the test computes from what it wrote.</summary>
/// <typeparam name="TFixture">The provider's fixture.</typeparam>
public abstract class CustomerSummaryConformanceTests<TFixture>(TFixture fixture) : CrmConformanceTestBase<TFixture>(fixture)
    where TFixture : StoreFixture
{
    private static readonly Instant Start = Instant.FromUtc(2025, 2, 1, 12, 0);

    /// <summary>Every figure of the 360° view matches the records of the customer, and only of that customer.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public virtual async Task Summary_matches_the_records_written_for_the_customer()
    {
        var customer = await Crm.Customers.CreateAsync(TestDrafts.Customer("Summarised"));
        var other = await Crm.Customers.CreateAsync(TestDrafts.Customer("Other"));
        var pipeline = await Crm.Pipelines.CreateAsync(TestDrafts.Pipeline());

        var drafts = new List<InteractionDraft>();
        void Add(InteractionKind kind, int minutes, TransactionDetail? transaction = null, FeedbackDetail? feedback = null)
        {
            var draft = TestDrafts.Interaction(customer.Id, kind, Start + Duration.FromMinutes(minutes));
            drafts.Add(new InteractionDraft
            {
                CustomerId = draft.CustomerId,
                Kind = kind,
                Channel = draft.Channel,
                Direction = draft.Direction,
                OccurredAt = draft.OccurredAt,
                Transaction = transaction ?? draft.Transaction,
                Feedback = feedback ?? draft.Feedback,
                BehaviourEvent = draft.BehaviourEvent,
            });
        }

        Add(InteractionKind.Email, 10);
        Add(InteractionKind.Email, 50);
        Add(InteractionKind.Email, 20);
        Add(InteractionKind.Call, 30);
        Add(InteractionKind.Call, 5);
        Add(InteractionKind.Meeting, 400);
        Add(InteractionKind.Chat, 390);
        Add(InteractionKind.Note, 500);
        Add(InteractionKind.Note, 1);
        Add(InteractionKind.Purchase, 100, new TransactionDetail("SO-1", Money.Of(10.10m, "EUR")));
        Add(InteractionKind.Purchase, 110, new TransactionDetail("SO-2", Money.Of(20.255m, "EUR")));
        Add(InteractionKind.Purchase, 120, new TransactionDetail("SO-3", Money.Of(99.99m, "USD")));
        Add(InteractionKind.Refund, 130, new TransactionDetail("SO-1", Money.Of(5.05m, "EUR")));
        Add(InteractionKind.Feedback, 140, feedback: new FeedbackDetail(FeedbackCategory.Praise, 4, RatingScale.FiveStar));
        Add(InteractionKind.Feedback, 150, feedback: new FeedbackDetail(FeedbackCategory.Praise, 5, RatingScale.FiveStar));
        Add(InteractionKind.Feedback, 160, feedback: new FeedbackDetail(FeedbackCategory.Suggestion, 9, RatingScale.Nps));
        Add(InteractionKind.Feedback, 170, feedback: new FeedbackDetail(FeedbackCategory.Complaint));
        Add(InteractionKind.BehaviourEvent, 900);
        var written = await Crm.Interactions.CreateManyAsync(drafts);
        await Crm.Interactions.CreateManyAsync(
        [
            TestDrafts.Interaction(other.Id, InteractionKind.Email, Start + Duration.FromDays(3)),
            TestDrafts.Interaction(other.Id, InteractionKind.Purchase, Start),
            TestDrafts.Interaction(other.Id, InteractionKind.Feedback, Start),
        ]);

        var deals = new[] { (1000m, "EUR"), (2000.5m, "EUR"), (500m, "USD"), (700m, "EUR"), (800m, "EUR") };
        var created = new List<Deal>();
        foreach (var (amount, currency) in deals)
        {
            created.Add(await Crm.Deals.CreateAsync(TestDrafts.Deal(customer.Id, pipeline, amount, currency)));
        }

        await Crm.Deals.WinAsync(created[3].Id);
        await Crm.Deals.LoseAsync(created[4].Id);
        await Crm.Deals.CreateAsync(TestDrafts.Deal(other.Id, pipeline, 123m));

        var tickets = new List<Ticket>();
        for (var i = 0; i < 5; i++)
        {
            tickets.Add(await Crm.Tickets.CreateAsync(TestDrafts.Ticket(customer.Id)));
        }

        await Crm.Tickets.ChangeStatusAsync(tickets[1].Id, TicketStatus.Open);
        await Crm.Tickets.ChangeStatusAsync(tickets[2].Id, TicketStatus.Resolved);
        await Crm.Tickets.RateAsync(tickets[2].Id, 3);
        await Crm.Tickets.ChangeStatusAsync(tickets[3].Id, TicketStatus.Resolved);
        await Crm.Tickets.RateAsync(tickets[3].Id, 5);
        await Crm.Tickets.ChangeStatusAsync(tickets[3].Id, TicketStatus.Closed);
        await Crm.Tickets.ChangeStatusAsync(tickets[4].Id, TicketStatus.Closed);
        var otherTicket = await Crm.Tickets.CreateAsync(TestDrafts.Ticket(other.Id));
        await Crm.Tickets.ChangeStatusAsync(otherTicket.Id, TicketStatus.Resolved);
        await Crm.Tickets.RateAsync(otherTicket.Id, 1);

        var summary = await Crm.Customers.GetSummaryAsync(customer.Id);

        Assert.Equal(customer.Id, summary.Customer.Id);
        var expectedCounts = written.GroupBy(i => i.Kind).ToDictionary(g => g.Key, g => (long)g.Count());
        Assert.Equal(expectedCounts.OrderBy(p => p.Key), summary.InteractionCounts.OrderBy(p => p.Key));
        Assert.Equal(written.Max(i => i.OccurredAt), summary.LastInteractionAt);
        Assert.Equal(
            written.Where(i => i.Kind is InteractionKind.Email or InteractionKind.Call or InteractionKind.Chat or InteractionKind.Meeting).Max(i => i.OccurredAt),
            summary.LastContactAt);
        Assert.Equal(Start + Duration.FromMinutes(400), summary.LastContactAt);
        Assert.Equal(Totals(written, InteractionKind.Purchase), summary.TotalPurchases);
        Assert.Equal([new MoneyTotal(30.355m, "EUR"), new MoneyTotal(99.99m, "USD")], summary.TotalPurchases);
        Assert.Equal(Totals(written, InteractionKind.Refund), summary.TotalRefunds);
        Assert.Equal(3, summary.OpenDeals);
        Assert.Equal([new MoneyTotal(3000.5m, "EUR"), new MoneyTotal(500m, "USD")], summary.OpenDealAmount);
        Assert.Equal(2, summary.OpenTickets);
        int[] ratings = [4, 5, 3, 5];
        Assert.Equal(ratings.Length, summary.SatisfactionRatings);
        Assert.Equal(ratings.Average(), summary.AverageSatisfaction!.Value, 10);
    }

    /// <summary>A customer without any record has an empty summary.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public virtual async Task Summary_of_a_new_customer_is_empty()
    {
        var customer = await Crm.Customers.CreateAsync(TestDrafts.Customer("New"));

        var summary = await Crm.Customers.GetSummaryAsync(customer.Id);

        Assert.Empty(summary.InteractionCounts);
        Assert.Null(summary.LastInteractionAt);
        Assert.Null(summary.LastContactAt);
        Assert.Empty(summary.TotalPurchases);
        Assert.Empty(summary.TotalRefunds);
        Assert.Equal(0, summary.OpenDeals);
        Assert.Empty(summary.OpenDealAmount);
        Assert.Equal(0, summary.OpenTickets);
        Assert.Null(summary.AverageSatisfaction);
        Assert.Equal(0, summary.SatisfactionRatings);
    }

    /// <summary>
    /// Totals are sums, not stored amounts: two purchases (and two open deals) of 60,000,000,000,000 GBP, each a valid
    /// amount, total 120,000,000,000,000 GBP, beyond the range of one amount, and the summary reports it exactly.
    /// </summary>
    /// <returns>A task.</returns>
    [Fact]
    public virtual async Task Summary_totals_beyond_the_range_of_one_amount_are_exact()
    {
        var customer = await Crm.Customers.CreateAsync(TestDrafts.Customer("Big spender"));
        var pipeline = await Crm.Pipelines.CreateAsync(TestDrafts.Pipeline());
        var amount = Money.Of(60_000_000_000_000m, "GBP");
        await Crm.Interactions.CreateManyAsync([Purchase(customer.Id, InteractionKind.Purchase, amount, 1), Purchase(customer.Id, InteractionKind.Purchase, amount, 2)]);
        await Crm.Deals.CreateAsync(TestDrafts.Deal(customer.Id, pipeline, amount.Amount, amount.Currency));
        await Crm.Deals.CreateAsync(TestDrafts.Deal(customer.Id, pipeline, amount.Amount, amount.Currency));

        var summary = await Crm.Customers.GetSummaryAsync(customer.Id);

        AssertTotals([(120_000_000_000_000m, "GBP")], summary.TotalPurchases);
        AssertTotals([(120_000_000_000_000m, "GBP")], summary.OpenDealAmount);
        Assert.Empty(summary.TotalRefunds);
        Assert.Equal(2, summary.OpenDeals);
    }

    /// <summary>
    /// Ten purchases, ten refunds and ten open deals of the largest amount, 99,999,999,999,999.9999, total exactly ten
    /// times that in every figure of the summary: the database's sums never overflow.
    /// </summary>
    /// <returns>A task.</returns>
    [Fact]
    public virtual async Task Summary_totals_of_ten_maximal_amounts_are_exact()
    {
        var customer = await Crm.Customers.CreateAsync(TestDrafts.Customer("Biggest spender"));
        var pipeline = await Crm.Pipelines.CreateAsync(TestDrafts.Pipeline());
        var largest = Money.Of(99_999_999_999_999.9999m, "GBP");
        var drafts = Enumerable.Range(0, 10).SelectMany(i => new[]
        {
            Purchase(customer.Id, InteractionKind.Purchase, largest, i),
            Purchase(customer.Id, InteractionKind.Refund, largest, 20 + i),
        });
        await Crm.Interactions.CreateManyAsync([.. drafts, Purchase(customer.Id, InteractionKind.Purchase, Money.Of(0.0001m, "USD"), 40)]);
        var uow = Crm.BeginUnitOfWork();
        for (var i = 0; i < 10; i++)
        {
            await uow.CreateDealAsync(TestDrafts.Deal(customer.Id, pipeline, largest.Amount, largest.Currency));
        }

        await uow.CommitAsync();

        var summary = await Crm.Customers.GetSummaryAsync(customer.Id);

        AssertTotals([(999_999_999_999_999.999m, "GBP"), (0.0001m, "USD")], summary.TotalPurchases);
        AssertTotals([(999_999_999_999_999.999m, "GBP")], summary.TotalRefunds);
        AssertTotals([(999_999_999_999_999.999m, "GBP")], summary.OpenDealAmount);
        Assert.Equal(10, summary.OpenDeals);
    }

    /// <summary>Asserts totals, currency by currency in order, by value (1.50 equals 1.5).</summary>
    /// <param name="expected">The expected amounts and currencies.</param>
    /// <param name="actual">The totals read.</param>
    protected static void AssertTotals(IReadOnlyList<(decimal Amount, string Currency)> expected, IReadOnlyList<MoneyTotal> actual)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(actual);
        Assert.Equal(expected.Select(e => new MoneyTotal(e.Amount, e.Currency)), actual);
    }

    private static InteractionDraft Purchase(Id<Customer> customerId, InteractionKind kind, Money amount, int minutes) =>
        TestDrafts.Interaction(customerId, kind, Start + Duration.FromMinutes(minutes)) with
        {
            Transaction = new TransactionDetail($"SO-{minutes}", amount),
        };

    private static List<MoneyTotal> Totals(IEnumerable<Interaction> interactions, InteractionKind kind) =>
        [.. interactions.Where(i => i.Kind == kind)
            .GroupBy(i => i.Transaction!.Amount.Currency, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new MoneyTotal(g.Sum(i => i.Transaction!.Amount.Amount), g.Key))];
}
