using Crm.Sdk.Customers;
using Crm.Sdk.Specification.Tests.Storage;
using Crm.Sdk.Testing;
using Crm.Sdk.Tickets;
using NodaTime;
using Xunit;

namespace Crm.Sdk.Specification.Tests.Crm;

/// <summary>Service tickets through <see cref="ICrm.Tickets"/> over a real database: round trip, workflow, rating, the open queue.</summary>
/// <typeparam name="TFixture">The provider's fixture.</typeparam>
public abstract class TicketConformanceTests<TFixture>(TFixture fixture) : CrmConformanceTestBase<TFixture>(fixture)
    where TFixture : StoreFixture
{
    /// <summary>A ticket taken through its workflow, with comments and a rating, reads back the same after a restart.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public virtual async Task Ticket_with_comments_status_history_and_rating_reads_back_the_same_after_reopening()
    {
        var customer = await Crm.Customers.CreateAsync(TestDrafts.Customer("Caller"));
        var opened = await Crm.Tickets.CreateAsync(new TicketDraft
        {
            CustomerId = customer.Id,
            Type = TicketType.Complaint,
            Subject = "Engine makes a noise",
            Description = "Since the update the engine clanks.\nPlease help.",
            Priority = TicketPriority.High,
            AssigneeId = "agent-1",
        });
        Assert.Equal(TicketStatus.New, opened.Status);

        await Crm.Tickets.AssignAsync(opened.Id, "agent-2");
        await Crm.Tickets.AddCommentAsync(opened.Id, "agent-2", "We are looking into it.");
        await Crm.Tickets.AddCommentAsync(opened.Id, "agent-2", "Probably the flywheel.", isInternal: true);
        await Crm.Tickets.ChangeStatusAsync(opened.Id, TicketStatus.Open);
        await Crm.Tickets.ChangeStatusAsync(opened.Id, TicketStatus.Pending);
        var ticket = await Crm.Tickets.GetAsync(opened.Id);
        ticket.AddCustomerComment("It still clanks.");
        ticket.ChangePriority(TicketPriority.Urgent);
        await Crm.Tickets.UpdateAsync(ticket);
        await Crm.Tickets.ChangeStatusAsync(opened.Id, TicketStatus.Resolved);
        await Crm.Tickets.RateAsync(opened.Id, 2, "Took long");
        await Crm.Tickets.ChangeStatusAsync(opened.Id, TicketStatus.Reopened);
        await Crm.Tickets.ChangeStatusAsync(opened.Id, TicketStatus.Resolved);
        await Crm.Tickets.RateAsync(opened.Id, 4, "Fixed now");
        var closed = await Crm.Tickets.ChangeStatusAsync(opened.Id, TicketStatus.Closed);

        var read = await (await ReopenAsync()).Tickets.GetAsync(opened.Id);

        AssertSameTicket(closed, read);
        Assert.Equal(TicketStatus.Closed, read.Status);
        Assert.False(read.IsOpen);
        Assert.Equal(TicketPriority.Urgent, read.Priority);
        Assert.Equal("agent-2", read.AssigneeId);
        Assert.Equal([false, true, false], read.Comments.Select(c => c.IsInternal));
        Assert.Equal([false, false, true], read.Comments.Select(c => c.IsFromCustomer));
        Assert.Equal(4, read.Satisfaction?.Rating);
        Assert.Equal("Fixed now", read.Satisfaction?.Comment);
        Assert.Equal(1, read.ReopenCount);
        Assert.NotNull(read.ResolvedAt);
        Assert.NotNull(read.ClosedAt);
        Assert.Equal(read.Comments[0].CreatedAt, read.FirstResponseAt);
    }

    /// <summary>A move the workflow does not allow names both statuses and leaves the stored ticket unchanged.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public virtual async Task Invalid_status_transition_names_both_statuses_and_changes_nothing()
    {
        var customer = await Crm.Customers.CreateAsync(TestDrafts.Customer("Caller"));
        var ticket = await Crm.Tickets.CreateAsync(TestDrafts.Ticket(customer.Id));
        var open = await Crm.Tickets.ChangeStatusAsync(ticket.Id, TicketStatus.Open);

        var ex = await Assert.ThrowsAsync<InvalidStatusTransitionException>(() => Crm.Tickets.ChangeStatusAsync(ticket.Id, TicketStatus.Closed));

        Assert.Equal(nameof(TicketStatus.Open), ex.CurrentStatus);
        Assert.Equal(nameof(TicketStatus.Closed), ex.AttemptedStatus);
        Assert.Contains("Open", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Closed", ex.Message, StringComparison.Ordinal);
        AssertSameTicket(open, await Crm.Tickets.GetAsync(ticket.Id));
        await Assert.ThrowsAsync<InvalidStatusTransitionException>(() => Crm.Tickets.ChangeStatusAsync(ticket.Id, TicketStatus.Reopened));
        AssertSameTicket(open, await Crm.Tickets.GetAsync(ticket.Id));
    }

    /// <summary>Only a resolved or closed ticket can be rated, from 1 to 5; a refused rating changes nothing.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public virtual async Task Rating_is_accepted_only_once_resolved()
    {
        var customer = await Crm.Customers.CreateAsync(TestDrafts.Customer("Caller"));
        var ticket = await Crm.Tickets.CreateAsync(TestDrafts.Ticket(customer.Id));

        var rule = await Assert.ThrowsAsync<DomainRuleException>(() => Crm.Tickets.RateAsync(ticket.Id, 5));
        Assert.Equal("ticket-not-resolved", rule.Rule);
        AssertSameTicket(ticket, await Crm.Tickets.GetAsync(ticket.Id));

        var resolved = await Crm.Tickets.ChangeStatusAsync(ticket.Id, TicketStatus.Resolved);
        var range = await Assert.ThrowsAsync<CrmValidationException>(() => Crm.Tickets.RateAsync(ticket.Id, 6));
        Assert.Contains(range.Errors, e => e.Field == "Rating" && e.Rule == "rating-range");
        AssertSameTicket(resolved, await Crm.Tickets.GetAsync(ticket.Id));

        var rated = await Crm.Tickets.RateAsync(ticket.Id, 5, "Great");
        Assert.Equal(5, (await Crm.Tickets.GetAsync(ticket.Id)).Satisfaction?.Rating);
        AssertSameTicket(rated, await Crm.Tickets.GetAsync(ticket.Id));
    }

    /// <summary>The open queue lists the most urgent first, then the oldest first, leaves out resolved tickets, filters and pages.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public virtual async Task Open_queue_is_most_urgent_then_oldest_first_filtered_and_paged()
    {
        var customer = await Crm.Customers.CreateAsync(TestDrafts.Customer("Caller"));
        var priorities = new[] { TicketPriority.Low, TicketPriority.Urgent, TicketPriority.Normal, TicketPriority.High };
        var uow = Crm.BeginUnitOfWork();
        var tickets = new List<Ticket>();
        for (var i = 0; i < 24; i++)
        {
            var draft = TestDrafts.Ticket(customer.Id, priorities[(i * 5) % 4], $"Ticket {i}");
            tickets.Add(await uow.CreateTicketAsync(new TicketDraft
            {
                CustomerId = draft.CustomerId,
                Type = draft.Type,
                Subject = draft.Subject,
                Priority = draft.Priority,
                AssigneeId = i % 3 == 0 ? null : $"agent-{i % 3}",
            }));
        }

        await uow.CommitAsync();
        var resolved = new HashSet<TicketId>();
        for (var i = 0; i < 24; i += 7)
        {
            await Crm.Tickets.ChangeStatusAsync(tickets[i].Id, TicketStatus.Resolved);
            resolved.Add(tickets[i].Id);
        }

        await Crm.Tickets.ChangeStatusAsync(tickets[1].Id, TicketStatus.Pending);
        var open = tickets.Where(t => !resolved.Contains(t.Id)).ToList();

        async Task AssertQueue(TicketFilter filter, Func<Ticket, bool> predicate)
        {
            var expected = open.Where(predicate).OrderByDescending(t => t.Priority).ThenBy(t => t.CreatedAt).Select(t => t.Id).ToList();
            var listed = (await AllPagesAsync(3, page => Crm.Tickets.ListAsync(filter with { IsOpen = true }, page))).SelectMany(p => p.Items).Select(t => t.Id);
            Assert.NotEmpty(expected);
            Assert.Equal(expected, listed);
        }

        await AssertQueue(TicketFilter.All, _ => true);
        await AssertQueue(new TicketFilter { AssigneeId = "agent-1" }, t => t.AssigneeId == "agent-1");
        await AssertQueue(new TicketFilter { Priority = TicketPriority.Urgent }, t => t.Priority == TicketPriority.Urgent);
        await AssertQueue(new TicketFilter { AssigneeId = "agent-2", Priority = TicketPriority.High }, t => t.AssigneeId == "agent-2" && t.Priority == TicketPriority.High);

        var byCustomer = (await AllPagesAsync(5, page => Crm.Tickets.ListAsync(new TicketFilter { CustomerId = customer.Id }, page))).SelectMany(p => p.Items).Select(t => t.Id);
        Assert.Equal(tickets.Select(t => t.Id).Reverse(), byCustomer);
    }

    /// <summary>A ticket needs an existing customer; nothing is written otherwise.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public virtual async Task Ticket_of_unknown_customer_is_not_found()
    {
        var unknown = new CustomerId(Guid.CreateVersion7());

        await Assert.ThrowsAsync<EntityNotFoundException>(() => Crm.Tickets.CreateAsync(TestDrafts.Ticket(unknown)));

        Assert.Empty((await Crm.Tickets.ListAsync(TicketFilter.Open, PageRequest.First)).Items);
        await Assert.ThrowsAsync<EntityNotFoundException>(() => Crm.Tickets.GetAsync(new TicketId(Guid.CreateVersion7())));
    }

    /// <summary>Compares every public property of two tickets.</summary>
    /// <param name="expected">The ticket as the caller had it.</param>
    /// <param name="actual">The ticket as read back.</param>
    protected static void AssertSameTicket(Ticket expected, Ticket actual)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(actual);
        Assert.Equal(expected.Id, actual.Id);
        Assert.Equal(expected.Version, actual.Version);
        Assert.Equal(expected.CustomerId, actual.CustomerId);
        Assert.Equal(expected.Type, actual.Type);
        Assert.Equal(expected.Subject, actual.Subject);
        Assert.Equal(expected.Description, actual.Description);
        Assert.Equal(expected.Priority, actual.Priority);
        Assert.Equal(expected.Status, actual.Status);
        Assert.Equal(expected.IsOpen, actual.IsOpen);
        Assert.Equal(expected.AssigneeId, actual.AssigneeId);
        Assert.Equal(expected.Comments, actual.Comments);
        Assert.Equal(expected.Satisfaction, actual.Satisfaction);
        Assert.Equal(expected.CreatedAt, actual.CreatedAt);
        Assert.Equal(expected.UpdatedAt, actual.UpdatedAt);
        Assert.Equal(expected.ResolvedAt, actual.ResolvedAt);
        Assert.Equal(expected.ClosedAt, actual.ClosedAt);
        Assert.Equal(expected.FirstResponseAt, actual.FirstResponseAt);
        Assert.Equal(expected.ReopenCount, actual.ReopenCount);
    }
}
