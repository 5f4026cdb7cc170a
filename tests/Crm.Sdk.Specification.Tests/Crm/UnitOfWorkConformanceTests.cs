using Crm.Sdk.Customers;
using Crm.Sdk.Deals;
using Crm.Sdk.Interactions;
using Crm.Sdk.Pipelines;
using Crm.Sdk.Specification.Tests.Storage;
using Crm.Sdk.Testing;
using Crm.Sdk.Tickets;
using Xunit;

namespace Crm.Sdk.Specification.Tests.Crm;

/// <summary>
/// Units of work, cascading deletes and the outbox over a real database: what commits together is all there, and a
/// failed commit leaves no trace of any of its records or events.
/// </summary>
/// <typeparam name="TFixture">The provider's fixture.</typeparam>
public abstract class UnitOfWorkConformanceTests<TFixture>(TFixture fixture) : CrmConformanceTestBase<TFixture>(fixture)
    where TFixture : StoreFixture
{
    /// <summary>A customer, its deal and a note created in one unit are all there after the commit (and a restart).</summary>
    /// <returns>A task.</returns>
    [Fact]
    public virtual async Task Customer_deal_and_note_created_in_one_unit_are_all_visible()
    {
        var pipeline = await Crm.Pipelines.CreateAsync(TestDrafts.Pipeline());
        var uow = Crm.BeginUnitOfWork();
        var customer = await uow.CreateCustomerAsync(TestDrafts.Customer("Ada") with { ExternalIds = new Dictionary<string, string> { ["erp"] = "A-1" } });
        var deal = await uow.CreateDealAsync(TestDrafts.Deal(customer.Id, pipeline));
        var note = await uow.CreateInteractionAsync(TestDrafts.Interaction(customer.Id, InteractionKind.Note));
        var ticket = await uow.CreateTicketAsync(TestDrafts.Ticket(customer.Id));
        Assert.Equal(0, customer.Version);

        await uow.CommitAsync();

        Assert.Equal([1L, 1L, 1L, 1L], new[] { customer.Version, deal.Version, note.Version, ticket.Version });
        var crm = await ReopenAsync();
        Assert.Equal(customer.Id, (await crm.Customers.FindByExternalIdAsync("erp", "A-1"))?.Id);
        Assert.Equal(customer.Id, (await crm.Deals.GetAsync(deal.Id)).CustomerId);
        Assert.Equal(note.Id, Assert.Single((await crm.Interactions.ListAsync(InteractionFilter.ForCustomer(customer.Id), PageRequest.First)).Items).Id);
        Assert.Equal(ticket.Id, Assert.Single((await crm.Tickets.ListAsync(new TicketFilter { CustomerId = customer.Id }, PageRequest.First)).Items).Id);
        Assert.Equal(["CustomerCreated"], await StoredEventTypesAsync(customer.Id.Value));
        Assert.Equal(["DealCreated"], await StoredEventTypesAsync(deal.Id.Value));
    }

    /// <summary>A unit whose customer takes an external id already used fails as a whole: none of its records or events are written.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public virtual async Task Unit_failing_on_a_taken_external_id_leaves_no_trace()
    {
        var existing = await Crm.Customers.CreateAsync(TestDrafts.Customer("Existing") with { ExternalIds = new Dictionary<string, string> { ["erp"] = "X-1" } });
        var pipeline = await Crm.Pipelines.CreateAsync(TestDrafts.Pipeline());
        var uow = Crm.BeginUnitOfWork();
        var good = await uow.CreateCustomerAsync(TestDrafts.Customer("Good"));
        var clash = await uow.CreateCustomerAsync(TestDrafts.Customer("Clash") with { ExternalIds = new Dictionary<string, string> { ["erp"] = "X-1" } });
        var deal = await uow.CreateDealAsync(TestDrafts.Deal(good.Id, pipeline));
        var note = await uow.CreateInteractionAsync(TestDrafts.Interaction(clash.Id, InteractionKind.Note));

        await Assert.ThrowsAsync<DuplicateKeyException>(() => uow.CommitAsync());

        Assert.Equal([0L, 0L, 0L, 0L], new[] { good.Version, clash.Version, deal.Version, note.Version });
        await AssertOnlyCustomersAsync(existing.Id);
        Assert.Empty((await Crm.Deals.ListAsync(new DealFilter { PipelineId = pipeline.Id }, PageRequest.First)).Items);
        await Assert.ThrowsAsync<EntityNotFoundException>(() => Crm.Interactions.GetAsync(note.Id));
        Assert.Empty(await StoredEventTypesAsync(good.Id.Value));
        Assert.Empty(await StoredEventTypesAsync(clash.Id.Value));
        Assert.Empty(await StoredEventTypesAsync(deal.Id.Value));
    }

    /// <summary>Two customers of one unit with the same external id: neither is written.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public virtual async Task Unit_with_a_duplicate_external_id_inside_it_writes_nothing()
    {
        var uow = Crm.BeginUnitOfWork();
        await uow.CreateCustomerAsync(TestDrafts.Customer("One") with { ExternalIds = new Dictionary<string, string> { ["shop"] = "7" } });
        await uow.CreateCustomerAsync(TestDrafts.Customer("Two") with { ExternalIds = new Dictionary<string, string> { ["SHOP"] = "7" } });

        await Assert.ThrowsAsync<DuplicateKeyException>(() => uow.CommitAsync());

        await AssertOnlyCustomersAsync();
    }

    /// <summary>A unit that updates a deal changed since it was read fails with the versions, and writes none of its records.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public virtual async Task Unit_with_a_stale_deal_leaves_no_trace()
    {
        var owner = await Crm.Customers.CreateAsync(TestDrafts.Customer("Owner"));
        var pipeline = await Crm.Pipelines.CreateAsync(TestDrafts.Pipeline());
        var created = await Crm.Deals.CreateAsync(TestDrafts.Deal(owner.Id, pipeline));
        var stale = await Crm.Deals.GetAsync(created.Id);
        var current = await Crm.Deals.MoveToStageAsync(created.Id, pipeline.Stages[1].Id);

        var uow = Crm.BeginUnitOfWork();
        var customer = await uow.CreateCustomerAsync(TestDrafts.Customer("New"));
        var note = await uow.CreateInteractionAsync(TestDrafts.Interaction(owner.Id, InteractionKind.Note));
        stale.ChangeAmount(Money.Of(1m, TestDrafts.DefaultCurrency));
        uow.Update(stale);
        var ex = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => uow.CommitAsync());

        Assert.Equal(1, ex.ExpectedVersion);
        Assert.Equal(2, ex.ActualVersion);
        Assert.Equal(created.Id.ToString(), ex.Id);
        Assert.Equal(1, stale.Version);
        await AssertOnlyCustomersAsync(owner.Id);
        await Assert.ThrowsAsync<EntityNotFoundException>(() => Crm.Interactions.GetAsync(note.Id));
        var stored = await Crm.Deals.GetAsync(created.Id);
        Assert.Equal(current.Amount, stored.Amount);
        Assert.Equal(2, stored.Version);
        Assert.Empty(await StoredEventTypesAsync(customer.Id.Value));
    }

    /// <summary>A unit that refers to a customer that does not exist fails, and the customer it created is not written either.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public virtual async Task Unit_referring_to_an_unknown_customer_writes_nothing()
    {
        var uow = Crm.BeginUnitOfWork();
        var customer = await uow.CreateCustomerAsync(TestDrafts.Customer("Real"));
        await uow.CreateInteractionAsync(TestDrafts.Interaction(customer.Id, InteractionKind.Call));
        var unknown = new CustomerId(Guid.CreateVersion7());
        await uow.CreateTicketAsync(TestDrafts.Ticket(unknown));

        var ex = await Assert.ThrowsAsync<EntityNotFoundException>(() => uow.CommitAsync());

        Assert.Equal(unknown.ToString(), ex.Id);
        await AssertOnlyCustomersAsync();
        Assert.Empty((await Crm.Interactions.ListAsync(InteractionFilter.ForCustomer(customer.Id), PageRequest.First)).Items);
    }

    /// <summary>A unit abandoned because the host's own code threw before the commit writes nothing.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public virtual async Task Unit_abandoned_before_commit_writes_nothing()
    {
        var pipeline = await Crm.Pipelines.CreateAsync(TestDrafts.Pipeline());
        CustomerId? id = null;

        await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            var uow = Crm.BeginUnitOfWork();
            var customer = await uow.CreateCustomerAsync(TestDrafts.Customer("Abandoned"));
            id = customer.Id;
            await uow.CreateDealAsync(TestDrafts.Deal(customer.Id, pipeline));
            await Task.Yield();
            throw new InvalidOperationException("The host's code failed before committing.");
        });

        Assert.NotNull(id);
        Assert.Null(await Crm.Customers.FindAsync(id.Value));
        await AssertOnlyCustomersAsync();
        Assert.Empty((await Crm.Deals.ListAsync(new DealFilter { PipelineId = pipeline.Id }, PageRequest.First)).Items);
    }

    /// <summary>
    /// A unit that fails halfway, with an exception thrown between two of its writes (an update of an existing customer
    /// and a new interaction), leaves no trace: the customer keeps its stored state and version, nothing new exists, and a
    /// unit begun afterwards commits only its own changes.
    /// </summary>
    /// <returns>A task.</returns>
    [Fact]
    public virtual async Task Unit_failing_between_two_writes_leaves_no_trace()
    {
        var existing = await Crm.Customers.CreateAsync(TestDrafts.Customer("Existing"));
        InteractionId? noteId = null;
        CustomerId? createdId = null;

        await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            var uow = Crm.BeginUnitOfWork();
            var customer = await Crm.Customers.GetAsync(existing.Id);
            customer.AddTag("half-done");
            uow.Update(customer);
            createdId = (await uow.CreateCustomerAsync(TestDrafts.Customer("Halfway"))).Id;
            await Task.Yield();
            Fail();
            noteId = (await uow.CreateInteractionAsync(TestDrafts.Interaction(existing.Id, InteractionKind.Note))).Id;
            await uow.CommitAsync();
        });

        Assert.Null(noteId);
        var stored = await Crm.Customers.GetAsync(existing.Id);
        Assert.Equal(1, stored.Version);
        Assert.Empty(stored.Tags);
        Assert.Null(await Crm.Customers.FindAsync(createdId!.Value));
        Assert.Empty((await Crm.Interactions.ListAsync(InteractionFilter.ForCustomer(existing.Id), PageRequest.First)).Items);

        var next = Crm.BeginUnitOfWork();
        var note = await next.CreateInteractionAsync(TestDrafts.Interaction(existing.Id, InteractionKind.Note));
        await next.CommitAsync();
        Assert.Equal(note.Id, Assert.Single((await Crm.Interactions.ListAsync(InteractionFilter.ForCustomer(existing.Id), PageRequest.First)).Items).Id);
        await AssertOnlyCustomersAsync(existing.Id);
        Assert.Equal(["CustomerCreated"], await StoredEventTypesAsync(existing.Id.Value));

        static void Fail() => throw new InvalidOperationException("The host's code failed between two writes of the unit.");
    }

    /// <summary>A committed unit cannot be reused; the host begins a new one.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public virtual async Task Committed_unit_cannot_be_used_again()
    {
        var uow = Crm.BeginUnitOfWork();
        await uow.CreateCustomerAsync(TestDrafts.Customer("Once"));
        await uow.CommitAsync();

        await Assert.ThrowsAsync<InvalidOperationException>(() => uow.CreateCustomerAsync(TestDrafts.Customer("Twice")));
        await Assert.ThrowsAsync<InvalidOperationException>(() => uow.CommitAsync());
        Assert.Single((await Crm.Customers.ListAsync(CustomerFilter.All, PageRequest.First)).Items);
    }

    /// <summary>Deleting a customer deletes its interactions, deals and tickets in one go; other customers keep theirs.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public virtual async Task Deleting_a_customer_cascades_to_its_records_only()
    {
        var pipeline = await Crm.Pipelines.CreateAsync(TestDrafts.Pipeline());
        var (gone, goneRecords) = await CustomerWithRecordsAsync("Gone", pipeline);
        var (kept, keptRecords) = await CustomerWithRecordsAsync("Kept", pipeline);

        await Crm.Customers.DeleteAsync(gone.Id);

        Assert.Null(await Crm.Customers.FindAsync(gone.Id));
        Assert.Empty(await Crm.Customers.FindByEmailAsync("gone@example.com"));
        Assert.Null(await Crm.Customers.FindByExternalIdAsync("erp", "Gone"));
        foreach (var id in goneRecords.Interactions)
        {
            await Assert.ThrowsAsync<EntityNotFoundException>(() => Crm.Interactions.GetAsync(id));
        }

        await Assert.ThrowsAsync<EntityNotFoundException>(() => Crm.Deals.GetAsync(goneRecords.Deal));
        await Assert.ThrowsAsync<EntityNotFoundException>(() => Crm.Tickets.GetAsync(goneRecords.Ticket));
        Assert.Empty((await Crm.Interactions.ListAsync(InteractionFilter.ForCustomer(gone.Id), PageRequest.First)).Items);
        Assert.Empty((await Crm.Deals.ListAsync(new DealFilter { CustomerId = gone.Id }, PageRequest.First)).Items);
        Assert.Empty((await Crm.Tickets.ListAsync(new TicketFilter { CustomerId = gone.Id }, PageRequest.First)).Items);
        Assert.Contains("CustomerDeleted", await StoredEventTypesAsync(gone.Id.Value));

        Assert.Equal(kept.Id, (await Crm.Customers.GetAsync(kept.Id)).Id);
        Assert.Equal(keptRecords.Interactions.Count, (await Crm.Interactions.ListAsync(InteractionFilter.ForCustomer(kept.Id), PageRequest.First)).Items.Count);
        Assert.Equal(keptRecords.Deal, Assert.Single((await Crm.Deals.ListAsync(new DealFilter { PipelineId = pipeline.Id }, PageRequest.First)).Items).Id);
        Assert.Equal(keptRecords.Ticket, Assert.Single((await Crm.Tickets.ListAsync(TicketFilter.Open, PageRequest.First)).Items).Id);
        await AssertOnlyCustomersAsync(kept.Id);

        await Crm.Customers.CreateAsync(TestDrafts.Customer("Reused") with { ExternalIds = new Dictionary<string, string> { ["erp"] = "Gone" } });
        await Assert.ThrowsAsync<EntityNotFoundException>(() => Crm.Customers.DeleteAsync(gone.Id));
    }

    /// <summary>Domain events are saved with the change that raised them, and only when it commits.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public virtual async Task Domain_events_are_stored_with_the_change_that_raised_them()
    {
        var customer = await Crm.Customers.CreateAsync(TestDrafts.Customer("Evented") with { ExternalIds = new Dictionary<string, string> { ["erp"] = "E-1" } });
        Assert.Empty(customer.DomainEvents);
        customer.AddTag("vip");
        customer.ChangeLifecycleStage(LifecycleStage.Customer);
        await Crm.Customers.UpdateAsync(customer);

        Assert.Equal(["CustomerCreated", "CustomerTagged", "CustomerLifecycleStageChanged"], await StoredEventTypesAsync(customer.Id.Value));

        var failing = await Crm.Customers.CreateAsync(TestDrafts.Customer("Failing"));
        failing.AddTag("late");
        failing.AddExternalId("erp", "E-1");
        await Assert.ThrowsAsync<DuplicateKeyException>(() => Crm.Customers.UpdateAsync(failing));
        Assert.Equal(["CustomerCreated"], await StoredEventTypesAsync(failing.Id.Value));
        Assert.NotEmpty(failing.DomainEvents);
    }

    private async Task AssertOnlyCustomersAsync(params CustomerId[] expected)
    {
        var all = (await AllPagesAsync(100, page => Crm.Customers.ListAsync(CustomerFilter.All, page))).SelectMany(p => p.Items).Select(c => c.Id.Value);
        Assert.Equal(expected.Select(c => c.Value).Order(), all.Order());
    }

    private async Task<(Customer Customer, (List<InteractionId> Interactions, DealId Deal, TicketId Ticket) Records)> CustomerWithRecordsAsync(string name, Pipeline pipeline)
    {
        var customer = await Crm.Customers.CreateAsync(TestDrafts.Customer(name) with
        {
            Emails = [$"{name.ToLowerInvariant()}@example.com"],
            ExternalIds = new Dictionary<string, string> { ["erp"] = name },
        });
        var interactions = await Crm.Interactions.CreateManyAsync(
            Enum.GetValues<InteractionKind>().Select(kind => TestDrafts.Interaction(customer.Id, kind)).ToList());
        var deal = await Crm.Deals.CreateAsync(TestDrafts.Deal(customer.Id, pipeline));
        var ticket = await Crm.Tickets.CreateAsync(TestDrafts.Ticket(customer.Id));
        return (customer, ([.. interactions.Select(i => i.Id)], deal.Id, ticket.Id));
    }
}
