using Crm.Sdk.Customers;
using Crm.Sdk.Interactions;
using Crm.Sdk.Specification.Tests.Storage;
using Crm.Sdk.Testing;
using Crm.Sdk.Tickets;
using Xunit;

namespace Crm.Sdk.Specification.Tests.Crm;

/// <summary>
/// The error contract over a real database (issue 10): references to missing or foreign records, lookups that break
/// the text rules, moves that change nothing, and calls cancelled around their commit.
/// </summary>
/// <typeparam name="TFixture">The provider's fixture.</typeparam>
public abstract class ErrorContractConformanceTests<TFixture>(TFixture fixture) : CrmConformanceTestBase<TFixture>(fixture)
    where TFixture : StoreFixture
{
    /// <summary>An interaction naming a deal or ticket that does not exist is refused, and nothing is written.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public virtual async Task Interaction_naming_a_missing_deal_or_ticket_is_not_found_and_writes_nothing()
    {
        var customer = await Crm.Customers.CreateAsync(TestDrafts.Customer("Ada"));
        var draft = TestDrafts.Interaction(customer.Id);

        await Assert.ThrowsAsync<EntityNotFoundException>(() => Crm.Interactions.CreateAsync(draft with { DealId = new Id<Deals.Deal>(Guid.CreateVersion7()) }));
        await Assert.ThrowsAsync<EntityNotFoundException>(() => Crm.Interactions.CreateAsync(draft with { TicketId = new Id<Ticket>(Guid.CreateVersion7()) }));
        await Assert.ThrowsAsync<EntityNotFoundException>(() => Crm.Interactions.CreateManyAsync([draft, draft with { TicketId = new Id<Ticket>(Guid.CreateVersion7()) }]));

        Assert.Empty(await TimelineAsync(customer.Id));
    }

    /// <summary>An interaction naming another customer's deal or ticket is refused (rule <c>other-customer</c>), in a batch too.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public virtual async Task Interaction_naming_another_customer_s_deal_or_ticket_is_refused_and_writes_nothing()
    {
        var customer = await Crm.Customers.CreateAsync(TestDrafts.Customer("Ada"));
        var other = await Crm.Customers.CreateAsync(TestDrafts.Customer("Grace"));
        var pipeline = await Crm.Pipelines.CreateAsync(TestDrafts.Pipeline());
        var foreignDeal = await Crm.Deals.CreateAsync(TestDrafts.Deal(other.Id, pipeline));
        var foreignTicket = await Crm.Tickets.CreateAsync(TestDrafts.Ticket(other.Id));
        var draft = TestDrafts.Interaction(customer.Id);

        var byDeal = await Assert.ThrowsAsync<DomainRuleException>(() => Crm.Interactions.CreateAsync(draft with { DealId = foreignDeal.Id }));
        var byTicket = await Assert.ThrowsAsync<DomainRuleException>(() => Crm.Interactions.CreateManyAsync([draft, draft with { TicketId = foreignTicket.Id }]));

        Assert.Equal("other-customer", byDeal.Rule);
        Assert.Equal("other-customer", byTicket.Rule);
        Assert.Empty(await TimelineAsync(customer.Id));
    }

    /// <summary>A deal and a ticket created in the same unit of work as the interaction that names them are found there.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public virtual async Task Interaction_may_name_a_deal_and_ticket_created_in_the_same_unit_of_work()
    {
        var customer = await Crm.Customers.CreateAsync(TestDrafts.Customer("Ada"));
        var pipeline = await Crm.Pipelines.CreateAsync(TestDrafts.Pipeline());
        var uow = Crm.BeginUnitOfWork();
        var deal = await uow.CreateDealAsync(TestDrafts.Deal(customer.Id, pipeline));
        var ticket = await uow.CreateTicketAsync(TestDrafts.Ticket(customer.Id));
        var interaction = await uow.CreateInteractionAsync(TestDrafts.Interaction(customer.Id) with { DealId = deal.Id, TicketId = ticket.Id });

        await uow.CommitAsync();

        var stored = await Crm.Interactions.GetAsync(interaction.Id);
        Assert.Equal((deal.Id, ticket.Id), (stored.DealId!.Value, stored.TicketId!.Value));
    }

    /// <summary>Lookups refuse a text no field could hold (an unpaired surrogate) instead of failing inside the store or finding nothing.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public virtual async Task Lookups_refuse_unpaired_surrogates_with_the_text_rule()
    {
        await Crm.Customers.CreateAsync(TestDrafts.Customer("Ada") with { Emails = ["ada@example.com"] });

        var byEmail = await Assert.ThrowsAsync<CrmValidationException>(() => Crm.Customers.FindByEmailAsync("ada\uD800@example.com"));
        var byName = await Assert.ThrowsAsync<CrmValidationException>(() => Crm.Customers.ListAsync(new CustomerFilter { NamePrefix = "Ad\uDC00" }, PageRequest.First));
        var byOwner = await Assert.ThrowsAsync<CrmValidationException>(() => Crm.Tickets.ListAsync(new TicketFilter { AssigneeId = "\uD800" }, PageRequest.First));

        Assert.Contains(byEmail.Errors, e => e.Field == "Email" && e.Rule == "invalid-unicode");
        Assert.Contains(byName.Errors, e => e.Field == nameof(CustomerFilter.NamePrefix) && e.Rule == "invalid-unicode");
        Assert.Contains(byOwner.Errors, e => e.Field == nameof(TicketFilter.AssigneeId) && e.Rule == "invalid-unicode");
    }

    /// <summary>Moving a ticket to its current status succeeds and saves nothing: same version, no event.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public virtual async Task Moving_a_ticket_to_its_current_status_succeeds_and_saves_nothing()
    {
        var customer = await Crm.Customers.CreateAsync(TestDrafts.Customer("Ada"));
        var ticket = await Crm.Tickets.CreateAsync(TestDrafts.Ticket(customer.Id));
        var events = await StoredEventTypesAsync(ticket.Id.Value);

        var moved = await Crm.Tickets.ChangeStatusAsync(ticket.Id, ticket.Status);

        Assert.Equal(ticket.Version, (await Crm.Tickets.GetAsync(ticket.Id)).Version);
        Assert.Equal(ticket.Version, moved.Version);
        Assert.Equal(events, await StoredEventTypesAsync(ticket.Id.Value));
    }

    /// <summary>
    /// Deleting and erasing with a token cancelled at varying moments: a call that threw changed nothing, a call that
    /// changed the store returned normally. Work after the commit (the purge) never turns a success into a failure.
    /// </summary>
    /// <returns>A task.</returns>
    [Fact]
    public virtual async Task A_cancelled_delete_or_erase_either_changed_nothing_or_reports_success()
    {
        // From "already cancelled" through a few milliseconds to "never": both outcomes occur however fast the machine is.
        int[] delaysInMilliseconds = [0, 1, 2, 4, 8, 16, 64, Timeout.Infinite];
        var outcomes = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < 24; i++)
        {
            var customer = await Crm.Customers.CreateAsync(TestDrafts.Customer($"Customer {i}") with { Emails = [$"c{i}@example.com"] });
            await Crm.Interactions.CreateManyAsync([.. Enumerable.Range(0, 20).Select(_ => TestDrafts.Interaction(customer.Id))]);
            var erase = i % 2 == 1;
            using var cancellation = new CancellationTokenSource();
            var delay = delaysInMilliseconds[i % delaysInMilliseconds.Length];
            if (delay == 0)
            {
                // CancelAfter(0) only starts a timer, which a call that never yields on a fast machine outruns.
                await cancellation.CancelAsync();
            }
            else
            {
                cancellation.CancelAfter(delay);
            }

            string outcome;
            try
            {
                await (erase ? Crm.Customers.EraseAsync(customer.Id, cancellation.Token) : Crm.Customers.DeleteAsync(customer.Id, cancellation.Token));
                outcome = "completed";
            }
            catch (OperationCanceledException)
            {
                outcome = "cancelled";
            }

            var after = await Crm.Customers.FindAsync(customer.Id);
            var changed = erase ? after!.IsErased : after is null;
            Assert.True(outcome == "completed" == changed, $"Case {i} ({(erase ? "erase" : "delete")}): the call {outcome}, but the customer was {(changed ? "" : "not ")}changed.");
            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
        }

        Assert.True(outcomes.GetValueOrDefault("completed") > 0, "No call completed: the test exercised nothing but cancellations.");
        Assert.True(outcomes.GetValueOrDefault("cancelled") > 0, "No call was cancelled: the test exercised nothing but completions.");
    }

    private async Task<IReadOnlyList<Interaction>> TimelineAsync(Id<Customer> customerId) =>
        (await Crm.Interactions.ListAsync(InteractionFilter.ForCustomer(customerId), PageRequest.First)).Items;
}
