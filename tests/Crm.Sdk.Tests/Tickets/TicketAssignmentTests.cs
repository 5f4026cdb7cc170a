using Crm.Sdk.Tickets;
using Crm.Sdk.Tickets.Events;
using Xunit;
using static Crm.Sdk.Tests.Tickets.TicketTestData;

namespace Crm.Sdk.Tests.Tickets;

/// <summary>Assignment and priority of a ticket.</summary>
public class TicketAssignmentTests
{
    [Fact]
    public void Assigning_sets_the_agent_and_raises_an_event()
    {
        var ticket = NewTicket();

        ticket.Assign("agent-1");

        Assert.Equal("agent-1", ticket.AssigneeId);
        Assert.Equal(new TicketAssigned(Id, "agent-1", null), ticket.DomainEvents[^1]);
    }

    [Fact]
    public void Reassigning_names_the_previous_agent()
    {
        var ticket = NewTicket();
        ticket.Assign("agent-1");

        ticket.Assign("agent-2");

        Assert.Equal("agent-2", ticket.AssigneeId);
        Assert.Equal(new TicketAssigned(Id, "agent-2", "agent-1"), ticket.DomainEvents[^1]);
    }

    [Fact]
    public void Assigning_the_same_agent_again_changes_nothing()
    {
        var ticket = NewTicket();
        ticket.Assign("agent-1");
        var events = ticket.DomainEvents.Count;

        ticket.Assign("agent-1");

        Assert.Equal(events, ticket.DomainEvents.Count);
    }

    [Fact]
    public void Unassigning_removes_the_agent()
    {
        var ticket = NewTicket();
        ticket.Assign("agent-1");

        ticket.Unassign();
        ticket.Unassign();

        Assert.Null(ticket.AssigneeId);
        Assert.Single(ticket.DomainEvents.OfType<TicketUnassigned>());
    }

    [Theory]
    [InlineData("", "required")]
    [InlineData("   ", "required")]
    [InlineData(null, "required")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "max-length")]
    public void Invalid_assignee_is_rejected(string? assigneeId, string rule)
    {
        var exception = FailsWithoutChange<CrmValidationException>(NewTicket(), t => t.Assign(assigneeId!));

        AssertOnlyError(exception, "AssigneeId", rule);
    }

    [Fact]
    public void Closed_ticket_cannot_be_assigned_unassigned_or_reprioritized()
    {
        var ticket = InStatus(TicketStatus.Closed);

        Assert.Equal("ticket-closed", FailsWithoutChange<DomainRuleException>(ticket, t => t.Assign("agent-1")).Rule);
        Assert.Equal("ticket-closed", FailsWithoutChange<DomainRuleException>(ticket, t => t.Unassign()).Rule);
        Assert.Equal("ticket-closed", FailsWithoutChange<DomainRuleException>(ticket, t => t.ChangePriority(TicketPriority.Urgent)).Rule);
    }

    [Fact]
    public void Changing_priority_raises_an_event_unless_it_is_the_same()
    {
        var ticket = NewTicket();

        ticket.ChangePriority(TicketPriority.Urgent);
        ticket.ChangePriority(TicketPriority.Urgent);

        Assert.Equal(TicketPriority.Urgent, ticket.Priority);
        Assert.Equal(new TicketPriorityChanged(Id, TicketPriority.Normal, TicketPriority.Urgent), Assert.Single(ticket.DomainEvents.OfType<TicketPriorityChanged>()));
    }

    [Fact]
    public void Undefined_priority_is_rejected()
    {
        var exception = FailsWithoutChange<CrmValidationException>(NewTicket(), t => t.ChangePriority((TicketPriority)7));

        AssertOnlyError(exception, "Priority", "undefined-value");
    }
}
