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

/// <summary>Interactions through <see cref="ICrm.Interactions"/> over a real database: round trip, batches, the timeline.</summary>
/// <typeparam name="TFixture">The provider's fixture.</typeparam>
public abstract class InteractionConformanceTests<TFixture>(TFixture fixture) : CrmConformanceTestBase<TFixture>(fixture)
    where TFixture : StoreFixture
{
    private static readonly Instant Start = Instant.FromUtc(2025, 1, 1, 8, 0);

    /// <summary>An interaction of every kind, with every detail, reads back the same after a restart.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public virtual async Task Interaction_of_every_kind_reads_back_the_same_after_reopening()
    {
        var customer = await Crm.Customers.CreateAsync(TestDrafts.Customer("Grace Hopper"));
        var pipeline = await Crm.Pipelines.CreateAsync(TestDrafts.Pipeline());
        var deal = await Crm.Deals.CreateAsync(TestDrafts.Deal(customer.Id, pipeline));
        var ticket = await Crm.Tickets.CreateAsync(TestDrafts.Ticket(customer.Id));
        var recorded = new List<Interaction>();
        var kinds = Enum.GetValues<InteractionKind>();
        for (var i = 0; i < kinds.Length; i++)
        {
            var draft = TestDrafts.Interaction(customer.Id, kinds[i], Start + Duration.FromMinutes(i) + Duration.FromTicks(1234));
            recorded.Add(await Crm.Interactions.CreateAsync(Enrich(draft, kinds[i], deal.Id, ticket.Id)));
        }

        var unlinked = await Crm.Interactions.CreateAsync(TestDrafts.Interaction(customer.Id, InteractionKind.Note));
        recorded.Add(unlinked);

        var reopened = await ReopenAsync();
        foreach (var expected in recorded)
        {
            AssertSameInteraction(expected, await reopened.Interactions.GetAsync(expected.Id));
        }

        var purchase = await reopened.Interactions.GetAsync(recorded[Array.IndexOf(kinds, InteractionKind.Purchase)].Id);
        Assert.Equal(Money.Of(1234.5678m, "JPY"), purchase.Transaction?.Amount);
        Assert.Equal(deal.Id, purchase.DealId);
        var behaviour = await reopened.Interactions.GetAsync(recorded[Array.IndexOf(kinds, InteractionKind.BehaviourEvent)].Id);
        Assert.Equal("/pricing?plan=pro&lang=日本語", behaviour.BehaviourEvent?.Properties?["url"]);
        Assert.Equal(unlinked.RecordedAt, (await reopened.Interactions.GetAsync(unlinked.Id)).OccurredAt);
    }

    /// <summary>A batch of 2,000 interactions is written in one call and the timeline pages through all of them, newest first.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public virtual async Task Batch_of_two_thousand_pages_newest_first_without_gaps()
    {
        var customer = await Crm.Customers.CreateAsync(TestDrafts.Customer("Busy"));
        var other = await Crm.Customers.CreateAsync(TestDrafts.Customer("Other"));
        await Crm.Interactions.CreateAsync(TestDrafts.Interaction(other.Id, InteractionKind.Email, Start));
        var drafts = Enumerable.Range(0, 2000)
            .Select(i => TestDrafts.Interaction(customer.Id, KindOf(i), Start + Duration.FromMinutes(i / 2)))
            .ToList();

        var written = await Crm.Interactions.CreateManyAsync(drafts);

        Assert.Equal(2000, written.Count);
        Assert.Equal(drafts.Select(d => d.OccurredAt), written.Select(w => (Instant?)w.OccurredAt));
        var pages = await AllPagesAsync(333, page => Crm.Interactions.ListAsync(InteractionFilter.ForCustomer(customer.Id), page));
        var timeline = pages.SelectMany(p => p.Items).ToList();
        Assert.Equal(7, pages.Count);
        Assert.Equal(written.Select(w => w.Id.Value).Order(), timeline.Select(t => t.Id.Value).Order());
        Assert.Equal(timeline.Select(t => t.OccurredAt).OrderDescending(), timeline.Select(t => t.OccurredAt));
        Assert.All(timeline, t => Assert.Equal(customer.Id, t.CustomerId));

        var streamed = new List<InteractionId>();
        await foreach (var interaction in Crm.Interactions.StreamAsync(InteractionFilter.ForCustomer(customer.Id)))
        {
            streamed.Add(interaction.Id);
        }

        Assert.Equal(timeline.Select(t => t.Id), streamed);
    }

    /// <summary>The timeline filters by kind(s) and time range ([from, to)) and pages the filtered list.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public virtual async Task Timeline_filters_by_kinds_and_time_range()
    {
        var customer = await Crm.Customers.CreateAsync(TestDrafts.Customer("Filtered"));
        var written = await Crm.Interactions.CreateManyAsync(
            Enumerable.Range(0, 300).Select(i => TestDrafts.Interaction(customer.Id, KindOf(i), Start + Duration.FromHours(i))).ToList());
        var from = Start + Duration.FromHours(40);
        var to = Start + Duration.FromHours(250);
        var all = InteractionFilter.ForCustomer(customer.Id);
        var cases = new (InteractionFilter Filter, Func<Interaction, bool> Expected)[]
        {
            (all with { Kinds = [InteractionKind.Purchase] }, i => i.Kind == InteractionKind.Purchase),
            (all with { Kinds = [InteractionKind.Email, InteractionKind.Call] }, i => i.Kind is InteractionKind.Email or InteractionKind.Call),
            (all with { From = from, To = to }, i => i.OccurredAt >= from && i.OccurredAt < to),
            (all with { From = from }, i => i.OccurredAt >= from),
            (all with { To = to }, i => i.OccurredAt < to),
            (all with { Kinds = [InteractionKind.Note, InteractionKind.BehaviourEvent], From = from, To = to },
                i => i.Kind is InteractionKind.Note or InteractionKind.BehaviourEvent && i.OccurredAt >= from && i.OccurredAt < to),
        };

        foreach (var (filter, predicate) in cases)
        {
            var expected = written.Where(predicate).OrderByDescending(i => i.OccurredAt).Select(i => i.Id).ToList();
            var pages = await AllPagesAsync(17, page => Crm.Interactions.ListAsync(filter, page));
            Assert.NotEmpty(expected);
            Assert.Equal(expected, pages.SelectMany(p => p.Items).Select(i => i.Id));
        }

        await Assert.ThrowsAsync<CrmValidationException>(() =>
            Crm.Interactions.ListAsync(new InteractionFilter { CustomerId = customer.Id, From = to, To = from }, PageRequest.First));
    }

    /// <summary>A batch with one invalid draft writes nothing, and the error names the draft's index and field.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public virtual async Task Batch_with_one_invalid_draft_writes_nothing_and_names_the_index()
    {
        var customer = await Crm.Customers.CreateAsync(TestDrafts.Customer("Batch"));
        var drafts = Enumerable.Range(0, 50).Select(i => TestDrafts.Interaction(customer.Id, KindOf(i), Start + Duration.FromMinutes(i))).ToList();
        drafts[7] = new InteractionDraft { CustomerId = customer.Id, Kind = InteractionKind.Purchase, Channel = InteractionChannel.Web, Direction = InteractionDirection.Inbound };

        var ex = await Assert.ThrowsAsync<CrmValidationException>(() => Crm.Interactions.CreateManyAsync(drafts));

        var error = Assert.Single(ex.Errors);
        Assert.Equal("[7].Transaction", error.Field);
        Assert.Equal("required-for-kind", error.Rule);
        Assert.Empty((await Crm.Interactions.ListAsync(InteractionFilter.ForCustomer(customer.Id), PageRequest.First)).Items);
    }

    /// <summary>An interaction of a customer that does not exist is refused, alone or in a batch, and nothing is written.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public virtual async Task Interaction_of_unknown_customer_is_not_found_and_nothing_is_written()
    {
        var customer = await Crm.Customers.CreateAsync(TestDrafts.Customer("Known"));
        var unknown = new CustomerId(Guid.CreateVersion7());

        var single = await Assert.ThrowsAsync<EntityNotFoundException>(() => Crm.Interactions.CreateAsync(TestDrafts.Interaction(unknown, InteractionKind.Call)));
        Assert.Equal(unknown.ToString(), single.Id);

        var drafts = new[] { TestDrafts.Interaction(customer.Id, InteractionKind.Call), TestDrafts.Interaction(unknown, InteractionKind.Call) };
        var batch = await Assert.ThrowsAsync<EntityNotFoundException>(() => Crm.Interactions.CreateManyAsync(drafts));
        Assert.Equal(unknown.ToString(), batch.Id);

        Assert.Empty((await Crm.Interactions.ListAsync(InteractionFilter.ForCustomer(customer.Id), PageRequest.First)).Items);
        Assert.Empty((await Crm.Interactions.ListAsync(InteractionFilter.ForCustomer(unknown), PageRequest.First)).Items);
        await Assert.ThrowsAsync<EntityNotFoundException>(() => Crm.Interactions.GetAsync(new InteractionId(Guid.CreateVersion7())));
    }

    /// <summary>Compares every public property of two interactions.</summary>
    /// <param name="expected">The interaction as recorded.</param>
    /// <param name="actual">The interaction as read back.</param>
    protected static void AssertSameInteraction(Interaction expected, Interaction actual)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(actual);
        Assert.Equal(expected.Id, actual.Id);
        Assert.Equal(expected.Version, actual.Version);
        Assert.Equal(expected.CustomerId, actual.CustomerId);
        Assert.Equal(expected.Kind, actual.Kind);
        Assert.Equal(expected.Channel, actual.Channel);
        Assert.Equal(expected.Direction, actual.Direction);
        Assert.Equal(expected.OccurredAt, actual.OccurredAt);
        Assert.Equal(expected.RecordedAt, actual.RecordedAt);
        Assert.Equal(expected.Subject, actual.Subject);
        Assert.Equal(expected.Body, actual.Body);
        Assert.Equal(expected.Participants, actual.Participants);
        Assert.Equal(expected.Transaction, actual.Transaction);
        Assert.Equal(expected.Feedback, actual.Feedback);
        Assert.Equal(expected.BehaviourEvent?.Name, actual.BehaviourEvent?.Name);
        Assert.Equal(
            expected.BehaviourEvent?.Properties?.OrderBy(p => p.Key, StringComparer.Ordinal),
            actual.BehaviourEvent?.Properties?.OrderBy(p => p.Key, StringComparer.Ordinal));
        Assert.Equal(expected.DealId, actual.DealId);
        Assert.Equal(expected.TicketId, actual.TicketId);
    }

    private static InteractionKind KindOf(int i) => (i % 5) switch
    {
        0 => InteractionKind.Email,
        1 => InteractionKind.Call,
        2 => InteractionKind.Note,
        3 => InteractionKind.Purchase,
        _ => InteractionKind.BehaviourEvent,
    };

    private static InteractionDraft Enrich(InteractionDraft draft, InteractionKind kind, DealId dealId, TicketId ticketId)
    {
        var communication = kind is not (InteractionKind.Purchase or InteractionKind.Refund or InteractionKind.Feedback or InteractionKind.BehaviourEvent);
        return new InteractionDraft
        {
            CustomerId = draft.CustomerId,
            Kind = kind,
            Channel = draft.Channel,
            Direction = draft.Direction,
            OccurredAt = draft.OccurredAt,
            Subject = communication ? $"About the {kind}" : "Order",
            Body = communication ? "Multi-line\r\nbody with \"quotes\" and emoji 🚀" : null,
            Participants = communication
                ?
                [
                    new Participant("Grace Hopper", "grace@example.com", "customer"),
                    new Participant(null, "+442079460958"),
                    new Participant("Agent Smith", Role: "agent"),
                ]
                : null,
            Transaction = kind is InteractionKind.Purchase or InteractionKind.Refund ? new TransactionDetail("SO-2025-0001", Money.Of(1234.5678m, "JPY")) : null,
            Feedback = kind is InteractionKind.Feedback ? new FeedbackDetail(FeedbackCategory.Suggestion, 9, RatingScale.Nps, "Add dark mode ✨") : null,
            BehaviourEvent = kind is InteractionKind.BehaviourEvent
                ? new BehaviourEventDetail("campaign-click", new Dictionary<string, string>
                {
                    ["url"] = "/pricing?plan=pro&lang=日本語",
                    ["campaign"] = "spring-2025",
                    ["quote\"key"] = "line\nbreak",
                })
                : null,
            DealId = kind is InteractionKind.BehaviourEvent ? null : dealId,
            TicketId = kind is InteractionKind.Purchase or InteractionKind.Refund or InteractionKind.BehaviourEvent ? null : ticketId,
        };
    }
}
