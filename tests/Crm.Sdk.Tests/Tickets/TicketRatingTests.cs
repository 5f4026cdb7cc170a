using Crm.Sdk.Tickets;
using Crm.Sdk.Tickets.Events;
using Xunit;
using static Crm.Sdk.Tests.Tickets.TicketTestData;

namespace Crm.Sdk.Tests.Tickets;

/// <summary>Satisfaction ratings: only when resolved, and when a rating is final.</summary>
public class TicketRatingTests
{
    [Theory]
    [InlineData(TicketStatus.Resolved)]
    [InlineData(TicketStatus.Closed)]
    public void Resolved_or_closed_ticket_can_be_rated(TicketStatus status)
    {
        var ticket = InStatus(status);

        ticket.Rate(5, "Fixed fast, thanks!", Later(200));

        Assert.Equal(new TicketSatisfaction(5, "Fixed fast, thanks!", Later(200)), ticket.Satisfaction);
        Assert.Equal(Later(200), ticket.UpdatedAt);
        Assert.Equal(new TicketRated(Id, 5, null), ticket.DomainEvents[^1]);
    }

    [Theory]
    [InlineData(TicketStatus.New)]
    [InlineData(TicketStatus.Open)]
    [InlineData(TicketStatus.Pending)]
    [InlineData(TicketStatus.Reopened)]
    public void Ticket_that_is_not_resolved_cannot_be_rated(TicketStatus status)
    {
        var exception = FailsWithoutChange<DomainRuleException>(InStatus(status), t => t.Rate(4, null, Later(200)));

        Assert.Equal("ticket-not-resolved", exception.Rule);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    [InlineData(-1)]
    [InlineData(int.MaxValue)]
    public void Rating_outside_one_to_five_is_rejected(int rating)
    {
        var exception = FailsWithoutChange<CrmValidationException>(InStatus(TicketStatus.Resolved), t => t.Rate(rating, null, Later(200)));

        AssertOnlyError(exception, "Rating", "rating-range");
    }

    [Fact]
    public void Rating_comment_longer_than_10000_characters_is_rejected()
    {
        var exception = FailsWithoutChange<CrmValidationException>(
            InStatus(TicketStatus.Resolved),
            t => t.Rate(3, new string('c', Ticket.MaxRatingCommentLength + 1), Later(200)));

        AssertOnlyError(exception, "Comment", "max-length");
    }

    [Fact]
    public void Every_failing_rating_field_is_reported_at_once()
    {
        var exception = FailsWithoutChange<CrmValidationException>(
            InStatus(TicketStatus.Resolved),
            t => t.Rate(9, new string('c', Ticket.MaxRatingCommentLength + 1), Later(-5)));

        Assert.Equal(3, exception.Errors.Count);
        AssertHasError(exception, "Rating", "rating-range");
        AssertHasError(exception, "Comment", "max-length");
        AssertHasError(exception, "At", "before-created");
    }

    [Fact]
    public void Resolved_ticket_can_be_rated_again_and_the_new_rating_replaces_the_old()
    {
        var ticket = InStatus(TicketStatus.Resolved);
        ticket.Rate(2, "Slow", Later(200));

        ticket.Rate(4, null, Later(210));

        Assert.Equal(new TicketSatisfaction(4, null, Later(210)), ticket.Satisfaction);
        Assert.Equal(new TicketRated(Id, 4, 2), ticket.DomainEvents[^1]);
    }

    [Fact]
    public void Rating_of_a_closed_ticket_is_final()
    {
        var ticket = InStatus(TicketStatus.Resolved);
        ticket.Rate(3, null, Later(200));
        ticket.Close(Later(300));

        var exception = FailsWithoutChange<DomainRuleException>(ticket, t => t.Rate(5, null, Later(400)));

        Assert.Equal("ticket-rating-final", exception.Rule);
    }

    [Fact]
    public void Closed_ticket_that_was_never_rated_can_be_rated_once()
    {
        var ticket = InStatus(TicketStatus.Closed);

        ticket.Rate(1, "Never solved", Later(400));

        Assert.Equal(1, ticket.Satisfaction!.Rating);
        Assert.Equal("ticket-rating-final", Assert.Throws<DomainRuleException>(() => ticket.Rate(2, null, Later(401))).Rule);
    }

    [Fact]
    public void Reopened_ticket_keeps_its_rating_until_rated_again_after_the_next_resolution()
    {
        var ticket = InStatus(TicketStatus.Resolved);
        ticket.Rate(2, null, Later(200));
        ticket.Reopen(Later(210));

        Assert.Equal(2, ticket.Satisfaction!.Rating);
        Assert.Equal("ticket-not-resolved", Assert.Throws<DomainRuleException>(() => ticket.Rate(5, null, Later(220))).Rule);

        ticket.Resolve(Later(230));
        ticket.Rate(5, null, Later(240));
        Assert.Equal(5, ticket.Satisfaction.Rating);
    }
}
