using Crm.Sdk.Tickets;
using Crm.Sdk.Tickets.Events;
using Xunit;
using static Crm.Sdk.Tests.Tickets.TicketTestData;

namespace Crm.Sdk.Tests.Tickets;

/// <summary>The ticket status workflow: every allowed and every forbidden move.</summary>
public class TicketWorkflowTests
{
    private static readonly (TicketStatus From, TicketStatus To)[] Allowed =
    [
        (TicketStatus.New, TicketStatus.Open),
        (TicketStatus.New, TicketStatus.Pending),
        (TicketStatus.New, TicketStatus.Resolved),
        (TicketStatus.New, TicketStatus.Closed),
        (TicketStatus.Open, TicketStatus.Pending),
        (TicketStatus.Open, TicketStatus.Resolved),
        (TicketStatus.Pending, TicketStatus.Open),
        (TicketStatus.Pending, TicketStatus.Resolved),
        (TicketStatus.Resolved, TicketStatus.Closed),
        (TicketStatus.Resolved, TicketStatus.Reopened),
        (TicketStatus.Closed, TicketStatus.Reopened),
        (TicketStatus.Reopened, TicketStatus.Open),
        (TicketStatus.Reopened, TicketStatus.Pending),
        (TicketStatus.Reopened, TicketStatus.Resolved),
    ];

    /// <summary>Every move the workflow allows.</summary>
    public static TheoryData<TicketStatus, TicketStatus> AllowedMoves => ToTheoryData(Allowed);

    /// <summary>Every other pair of statuses, including staying in the same status.</summary>
    public static TheoryData<TicketStatus, TicketStatus> ForbiddenMoves =>
        ToTheoryData(
            from f in Enum.GetValues<TicketStatus>()
            from t in Enum.GetValues<TicketStatus>()
            where f != t && !Allowed.Contains((f, t))
            select (f, t));

    private static TheoryData<TicketStatus, TicketStatus> ToTheoryData(IEnumerable<(TicketStatus From, TicketStatus To)> moves)
    {
        var data = new TheoryData<TicketStatus, TicketStatus>();
        foreach (var (from, to) in moves)
        {
            data.Add(from, to);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllowedMoves))]
    public void Allowed_move_changes_the_status_and_raises_an_event(TicketStatus from, TicketStatus to)
    {
        var ticket = InStatus(from);
        var at = Later(60);

        ticket.ChangeStatus(to, at);

        Assert.Equal(to, ticket.Status);
        Assert.Equal(at, ticket.UpdatedAt);
        Assert.Equal(new TicketStatusChanged(Id, from, to), ticket.DomainEvents[^1]);
        Assert.True(TicketWorkflow.CanMove(from, to));
    }

    [Theory]
    [MemberData(nameof(ForbiddenMoves))]
    public void Forbidden_move_throws_naming_both_statuses_and_changes_nothing(TicketStatus from, TicketStatus to)
    {
        var ticket = InStatus(from);

        var exception = FailsWithoutChange<InvalidStatusTransitionException>(ticket, t => t.ChangeStatus(to, Later(60)));

        Assert.Equal("Ticket", exception.EntityType);
        Assert.Equal(from.ToString(), exception.CurrentStatus);
        Assert.Equal(to.ToString(), exception.AttemptedStatus);
        Assert.Equal("invalid-status-transition", exception.Rule);
        Assert.False(TicketWorkflow.CanMove(from, to));
    }

    [Theory]
    [InlineData(TicketStatus.New)]
    [InlineData(TicketStatus.Open)]
    [InlineData(TicketStatus.Pending)]
    [InlineData(TicketStatus.Resolved)]
    [InlineData(TicketStatus.Closed)]
    [InlineData(TicketStatus.Reopened)]
    public void Moving_to_the_current_status_changes_nothing_and_raises_nothing(TicketStatus status)
    {
        var ticket = InStatus(status);
        var (version, updatedAt, events) = (ticket.Version, ticket.UpdatedAt, ticket.DomainEvents.Count);

        ticket.ChangeStatus(status, Later(60));

        Assert.Equal(status, ticket.Status);
        Assert.Equal((version, updatedAt, events), (ticket.Version, ticket.UpdatedAt, ticket.DomainEvents.Count));
        Assert.False(TicketWorkflow.CanMove(status, status));
    }

    [Fact]
    public void Next_statuses_list_the_table()
    {
        foreach (var from in Enum.GetValues<TicketStatus>())
        {
            Assert.Equal(
                Allowed.Where(a => a.From == from).Select(a => a.To).Order(),
                TicketWorkflow.NextStatuses(from).Order());
        }

        Assert.Empty(TicketWorkflow.NextStatuses((TicketStatus)42));
    }

    [Fact]
    public void Undefined_status_is_a_validation_error()
    {
        var ticket = NewTicket();

        var exception = FailsWithoutChange<CrmValidationException>(ticket, t => t.ChangeStatus((TicketStatus)42, Later(1)));

        AssertOnlyError(exception, "Status", "undefined-value");
    }

    [Fact]
    public void Move_before_the_ticket_was_created_is_rejected()
    {
        var ticket = NewTicket();

        var exception = FailsWithoutChange<CrmValidationException>(ticket, t => t.ChangeStatus(TicketStatus.Open, Later(-1)));

        AssertOnlyError(exception, "At", "before-created");
    }

    [Fact]
    public void Resolving_sets_resolved_at_and_closes_the_ticket_for_work()
    {
        var ticket = InStatus(TicketStatus.Open);

        ticket.Resolve(Later(30));

        Assert.Equal(TicketStatus.Resolved, ticket.Status);
        Assert.Equal(Later(30), ticket.ResolvedAt);
        Assert.False(ticket.IsOpen);
        Assert.Null(ticket.ClosedAt);
    }

    [Fact]
    public void Closing_sets_closed_at()
    {
        var ticket = InStatus(TicketStatus.Resolved);

        ticket.Close(Later(90));

        Assert.Equal(Later(90), ticket.ClosedAt);
        Assert.False(ticket.IsOpen);
    }

    [Fact]
    public void Reopening_counts_and_keeps_the_last_resolution_time()
    {
        var ticket = InStatus(TicketStatus.Closed);
        var resolvedAt = ticket.ResolvedAt;
        var closedAt = ticket.ClosedAt;

        ticket.Reopen(Later(100));

        Assert.Equal(TicketStatus.Reopened, ticket.Status);
        Assert.True(ticket.IsOpen);
        Assert.Equal(1, ticket.ReopenCount);
        Assert.Equal(resolvedAt, ticket.ResolvedAt);
        Assert.Equal(closedAt, ticket.ClosedAt);
    }

    [Fact]
    public void Ticket_in_work_must_be_resolved_before_it_is_closed()
    {
        foreach (var status in new[] { TicketStatus.Open, TicketStatus.Pending, TicketStatus.Reopened })
        {
            FailsWithoutChange<InvalidStatusTransitionException>(InStatus(status), t => t.Close(Later(60)));
        }
    }

    [Fact]
    public void New_ticket_can_be_closed_directly_without_a_resolution()
    {
        var ticket = NewTicket();

        ticket.Close(Later(5));

        Assert.Equal(TicketStatus.Closed, ticket.Status);
        Assert.Null(ticket.ResolvedAt);
    }

    [Fact]
    public void Updated_at_never_moves_back()
    {
        var ticket = NewTicket();
        ticket.ChangeStatus(TicketStatus.Open, Later(50));

        ticket.ChangeStatus(TicketStatus.Pending, Later(10));
        ticket.Touch(Later(20));

        Assert.Equal(Later(50), ticket.UpdatedAt);
        ticket.Touch(Later(70));
        Assert.Equal(Later(70), ticket.UpdatedAt);
    }

    [Theory]
    [InlineData(TicketStatus.New, true)]
    [InlineData(TicketStatus.Open, true)]
    [InlineData(TicketStatus.Pending, true)]
    [InlineData(TicketStatus.Resolved, false)]
    [InlineData(TicketStatus.Closed, false)]
    [InlineData(TicketStatus.Reopened, true)]
    public void Ticket_is_open_unless_resolved_or_closed(TicketStatus status, bool isOpen)
    {
        Assert.Equal(isOpen, TicketWorkflow.IsOpen(status));
        Assert.Equal(isOpen, InStatus(status).IsOpen);
    }
}
