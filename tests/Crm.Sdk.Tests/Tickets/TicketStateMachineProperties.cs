using Crm.Sdk.ProviderKit;
using Crm.Sdk.Storage;
using Crm.Sdk.Tickets;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using Xunit;
using static Crm.Sdk.Tests.Tickets.TicketTestData;

namespace Crm.Sdk.Tests.Tickets;

/// <summary>
/// Any sequence of ticket operations, valid or not, leaves a valid ticket, and every rejected operation leaves
/// the ticket exactly as it was.
/// </summary>
public sealed class TicketStateMachineProperties : IDisposable
{
    private readonly CaseCounts _cases = new();

    private static readonly Gen<Instant> At =
        Gen.Choose(-30, 60 * 24 * 10).SelectMany(minutes => Gen.Choose(0, 999).Select(nanos => CreatedAt + Duration.FromMinutes(minutes) + Duration.FromNanoseconds(nanos)));

    private static readonly Gen<string?> Text =
        Gen.Elements<string?>("agent-1", "agent-2", "A reply", "", "  ", null, new string('x', 101));

    private static readonly Gen<Operation> AnyOperation = Gen.OneOf(
        Text.Select(a => new Operation($"Assign({Show(a)})", t => t.Assign(a!))),
        Gen.Constant(new Operation("Unassign()", t => t.Unassign())),
        Text.SelectMany(author => Text.SelectMany(body => Gen.Elements(true, false).SelectMany(isInternal => At.Select(at =>
            new Operation($"AddComment({Show(author)}, {Show(body)}, {isInternal}, {at})", t => t.AddComment(author!, body!, isInternal, at)))))),
        Text.SelectMany(body => At.Select(at => new Operation($"AddCustomerComment({Show(body)}, {at})", t => t.AddCustomerComment(body!, at)))),
        Gen.Choose(0, 6).SelectMany(status => At.Select(at => new Operation($"ChangeStatus({(TicketStatus)status}, {at})", t => t.ChangeStatus((TicketStatus)status, at)))),
        At.Select(at => new Operation($"Resolve({at})", t => t.Resolve(at))),
        At.Select(at => new Operation($"Close({at})", t => t.Close(at))),
        At.Select(at => new Operation($"Reopen({at})", t => t.Reopen(at))),
        Gen.Choose(-1, 7).SelectMany(rating => Gen.Elements<string?>(null, "ok", new string('c', Ticket.MaxRatingCommentLength + 1)).SelectMany(comment => At.Select(at =>
            new Operation($"Rate({rating}, {Show(comment)}, {at})", t => t.Rate(rating, comment, at))))),
        Gen.Choose(0, 4).Select(priority => new Operation($"ChangePriority({(TicketPriority)priority})", t => t.ChangePriority((TicketPriority)priority))));

    /// <summary>Any sequence of operations leaves a valid ticket and rejected operations change nothing.</summary>
    public void Dispose() => _cases.Verify();

    /// <summary>Any sequence of operations leaves a valid ticket and rejected operations change nothing; many operations are accepted and many rejected.</summary>
    [Property(Arbitrary = [typeof(Sequences)])]
    public void Any_sequence_of_operations_leaves_a_valid_ticket_and_rejected_operations_change_nothing(Operation[] operations)
    {
        _cases.Require("accepted", 50).Require("rejected", 50);
        var ticket = NewTicket();
        var model = new Model();
        foreach (var operation in operations)
        {
            var before = Serialize(ticket);
            var eventsBefore = ticket.DomainEvents.Count;
            var statusBefore = ticket.Status;
            var satisfactionBefore = ticket.Satisfaction;
            try
            {
                operation.Apply(ticket);
            }
            catch (CrmException)
            {
                _cases.Count(accepted: false);
                Assert.Equal(before, Serialize(ticket));
                Assert.Equal(eventsBefore, ticket.DomainEvents.Count);
                continue;
            }

            _cases.Count(accepted: true);

            if (ticket.Status != statusBefore)
            {
                Assert.True(TicketWorkflow.CanMove(statusBefore, ticket.Status), $"{statusBefore} -> {ticket.Status} is not in the workflow");
                model.Moved(ticket.Status);
            }

            if (!ReferenceEquals(ticket.Satisfaction, satisfactionBefore))
            {
                Assert.True(statusBefore is TicketStatus.Resolved or TicketStatus.Closed, $"rated while {statusBefore}");
                Assert.False(statusBefore == TicketStatus.Closed && satisfactionBefore is not null, "re-rated a closed ticket");
            }

            AssertInvariants(ticket, model);
        }

        var restored = TicketMapping.Instance.Deserialize(new StoredDocument(ticket.Id.Value, 1, Serialize(ticket)));
        Assert.Equal(Serialize(ticket), Serialize(restored));
        AssertInvariants(restored, model);
    }

    private static void AssertInvariants(Ticket ticket, Model model)
    {
        Assert.True(Enum.IsDefined(ticket.Status));
        Assert.True(Enum.IsDefined(ticket.Priority));
        Assert.Equal(model.Status, ticket.Status);
        Assert.Equal(ticket.Status is not (TicketStatus.Resolved or TicketStatus.Closed), ticket.IsOpen);
        Assert.Equal(model.EverResolved, ticket.ResolvedAt is not null);
        Assert.Equal(model.EverClosed, ticket.ClosedAt is not null);
        Assert.Equal(model.Reopens, ticket.ReopenCount);
        if (ticket.Satisfaction is { } satisfaction)
        {
            Assert.InRange(satisfaction.Rating, 1, 5);
            Assert.True(model.EverResolved || model.EverClosed);
        }

        if (ticket.AssigneeId is { } assignee)
        {
            Assert.False(string.IsNullOrWhiteSpace(assignee));
        }

        var created = ticket.CreatedAt;
        var updated = ticket.UpdatedAt;
        Assert.True(created <= updated);
        Instant?[] moments = [ticket.ResolvedAt, ticket.ClosedAt, ticket.FirstResponseAt, ticket.Satisfaction?.RatedAt, .. ticket.Comments.Select(c => (Instant?)c.CreatedAt)];
        foreach (var moment in moments.OfType<Instant>())
        {
            Assert.InRange(moment, created, updated);
        }

        var publicAgentComments = ticket.Comments.Where(c => !c.IsInternal && !c.IsFromCustomer).Select(c => c.CreatedAt).ToArray();
        Assert.Equal(publicAgentComments.Length == 0 ? null : publicAgentComments.Min(), ticket.FirstResponseAt);
        Assert.All(ticket.Comments, c => Assert.False(string.IsNullOrWhiteSpace(c.Body)));
    }

    private static string Show(string? text) => text switch
    {
        null => "null",
        { Length: > 20 } => $"<{text.Length} chars>",
        _ => $"\"{text}\"",
    };

    /// <summary>Lists of random operations, valid or not.</summary>
    public static class Sequences
    {
        public static Arbitrary<Operation[]> Operations() => Gen.ListOf(AnyOperation).Select(ops => ops.ToArray()).ToArbitrary();
    }

    /// <summary>One operation on a ticket, named for the shrunk counterexample.</summary>
    public sealed record Operation(string Name, Action<Ticket> Apply)
    {
        public override string ToString() => Name;
    }

    /// <summary>What the test itself tracks about the workflow.</summary>
    private sealed class Model
    {
        public TicketStatus Status { get; private set; } = TicketStatus.New;

        public bool EverResolved { get; private set; }

        public bool EverClosed { get; private set; }

        public int Reopens { get; private set; }

        public void Moved(TicketStatus to)
        {
            Status = to;
            EverResolved |= to == TicketStatus.Resolved;
            EverClosed |= to == TicketStatus.Closed;
            Reopens += to == TicketStatus.Reopened ? 1 : 0;
        }
    }
}
