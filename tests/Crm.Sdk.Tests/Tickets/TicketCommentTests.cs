using Crm.Sdk.Tickets;
using Crm.Sdk.Tickets.Events;
using Xunit;
using static Crm.Sdk.Tests.Tickets.TicketTestData;

namespace Crm.Sdk.Tests.Tickets;

/// <summary>Public, internal and customer comments, and the first response time.</summary>
public class TicketCommentTests
{
    /// <summary>Agent comment is added with its author text and time.</summary>
    [Fact]
    public void Agent_comment_is_added_with_its_author_text_and_time()
    {
        var ticket = NewTicket();

        var comment = ticket.AddComment("agent-1", "Have you tried turning it off and on?", isInternal: false, Later(5));

        Assert.Equal(comment, Assert.Single(ticket.Comments));
        Assert.Equal("agent-1", comment.AuthorId);
        Assert.Equal("Have you tried turning it off and on?", comment.Body);
        Assert.False(comment.IsInternal);
        Assert.False(comment.IsFromCustomer);
        Assert.Equal(Later(5), comment.CreatedAt);
        Assert.NotEqual(Guid.Empty, comment.Id);
        Assert.Equal(Later(5), ticket.UpdatedAt);
        Assert.Equal(new TicketCommentAdded(Id, comment.Id, false, false), ticket.DomainEvents[^1]);
    }

    /// <summary>First public agent comment is the first response.</summary>
    [Fact]
    public void First_public_agent_comment_is_the_first_response()
    {
        var ticket = NewTicket();
        ticket.AddComment("agent-1", "Checking with the warehouse.", isInternal: true, Later(2));
        ticket.AddCustomerComment("Any news?", Later(3));
        Assert.Null(ticket.FirstResponseAt);

        ticket.AddComment("agent-1", "We are on it.", isInternal: false, Later(10));
        ticket.AddComment("agent-2", "Update: shipped.", isInternal: false, Later(20));

        Assert.Equal(Later(10), ticket.FirstResponseAt);
    }

    /// <summary>Earlier public comment added later becomes the first response.</summary>
    [Fact]
    public void Earlier_public_comment_added_later_becomes_the_first_response()
    {
        var ticket = NewTicket();
        ticket.AddComment("agent-1", "Second", isInternal: false, Later(10));

        ticket.AddComment("agent-2", "Imported from the phone log", isInternal: false, Later(4));

        Assert.Equal(Later(4), ticket.FirstResponseAt);
        Assert.Equal(Later(10), ticket.UpdatedAt);
    }

    /// <summary>Customer comment is public and written by the customer.</summary>
    [Fact]
    public void Customer_comment_is_public_and_written_by_the_customer()
    {
        var ticket = NewTicket();

        var comment = ticket.AddCustomerComment("Still broken.", Later(7));

        Assert.Equal(Customer.ToString(), comment.AuthorId);
        Assert.True(comment.IsFromCustomer);
        Assert.False(comment.IsInternal);
    }

    /// <summary>Comment fields are checked together.</summary>
    [Fact]
    public void Comment_fields_are_checked_together()
    {
        var exception = FailsWithoutChange<CrmValidationException>(NewTicket(), t => t.AddComment(" ", "", isInternal: false, Later(-1)));

        Assert.Equal(3, exception.Errors.Count);
        AssertHasError(exception, "AuthorId", "required");
        AssertHasError(exception, "Body", "required");
        AssertHasError(exception, "At", "before-created");
    }

    /// <summary>Comment longer than 50000 characters is rejected.</summary>
    [Fact]
    public void Comment_longer_than_50000_characters_is_rejected()
    {
        var ticket = NewTicket();
        ticket.AddComment("agent-1", new string('b', Ticket.MaxCommentLength), isInternal: true, Later(1));

        var exception = FailsWithoutChange<CrmValidationException>(ticket, t => t.AddComment("agent-1", new string('b', Ticket.MaxCommentLength + 1), isInternal: true, Later(2)));

        AssertOnlyError(exception, "Body", "max-length");
    }

    /// <summary>Author id longer than 100 characters is rejected.</summary>
    [Fact]
    public void Author_id_longer_than_100_characters_is_rejected()
    {
        var exception = FailsWithoutChange<CrmValidationException>(NewTicket(), t => t.AddComment(new string('a', 101), "Hi", isInternal: false, Later(1)));

        AssertOnlyError(exception, "AuthorId", "max-length");
    }

    /// <summary>Closed ticket takes no comments.</summary>
    [Fact]
    public void Closed_ticket_takes_no_comments()
    {
        var ticket = InStatus(TicketStatus.Closed);

        Assert.Equal("ticket-closed", FailsWithoutChange<DomainRuleException>(ticket, t => t.AddComment("agent-1", "Hi", false, Later(200))).Rule);
        Assert.Equal("ticket-closed", FailsWithoutChange<DomainRuleException>(ticket, t => t.AddCustomerComment("Hi", Later(200))).Rule);
    }

    /// <summary>Resolved ticket still takes comments.</summary>
    [Fact]
    public void Resolved_ticket_still_takes_comments()
    {
        var ticket = InStatus(TicketStatus.Resolved);

        ticket.AddCustomerComment("Thanks!", Later(200));

        Assert.Single(ticket.Comments);
    }

    /// <summary>Comments cannot be changed through the read only list.</summary>
    [Fact]
    public void Comments_cannot_be_changed_through_the_read_only_list()
    {
        var ticket = NewTicket();

        Assert.Throws<NotSupportedException>(() => ((IList<TicketComment>)ticket.Comments).Clear());
    }
}
