using Crm.Sdk.Customers;
using Crm.Sdk.Storage;
using Crm.Sdk.Tickets;
using NodaTime;
using Xunit;

namespace Crm.Sdk.Tests.Tickets;

internal static class TicketTestData
{
    public static readonly Instant CreatedAt = Instant.FromUtc(2024, 6, 1, 8, 0).PlusNanoseconds(987_654_321);
    public static readonly CustomerId Customer = new(Guid.Parse("0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b"));
    public static readonly TicketId Id = new(Guid.Parse("0190a1b2-c3d4-7e5f-8a9b-00000000000a"));

    public static TicketDraft Draft(
        string subject = "Printer does not print",
        TicketType type = TicketType.Technical,
        TicketPriority priority = TicketPriority.Normal,
        string? description = "It blinks red.",
        string? assigneeId = null) => new()
        {
            CustomerId = Customer,
            Type = type,
            Subject = subject,
            Description = description,
            Priority = priority,
            AssigneeId = assigneeId,
        };

    public static Ticket NewTicket() => Ticket.Open(Draft(), Id, CreatedAt);

    public static Instant Later(int minutes) => CreatedAt + Duration.FromMinutes(minutes);

    /// <summary>A ticket brought to <paramref name="status"/> by the shortest allowed path.</summary>
    public static Ticket InStatus(TicketStatus status)
    {
        var ticket = NewTicket();
        TicketStatus[] path = status switch
        {
            TicketStatus.New => [],
            TicketStatus.Open => [TicketStatus.Open],
            TicketStatus.Pending => [TicketStatus.Pending],
            TicketStatus.Resolved => [TicketStatus.Open, TicketStatus.Resolved],
            TicketStatus.Closed => [TicketStatus.Open, TicketStatus.Resolved, TicketStatus.Closed],
            TicketStatus.Reopened => [TicketStatus.Open, TicketStatus.Resolved, TicketStatus.Reopened],
            _ => throw new ArgumentOutOfRangeException(nameof(status)),
        };
        var minute = 1;
        foreach (var step in path)
        {
            ticket.ChangeStatus(step, Later(minute++));
        }

        Assert.Equal(status, ticket.Status);
        return ticket;
    }

    public static string Serialize(Ticket ticket) => TicketMapping.Instance.Serialize(ticket);

    public static void AssertHasError(CrmValidationException exception, string field, string rule) =>
        Assert.Contains(exception.Errors, e => e.Field == field && e.Rule == rule);

    public static void AssertOnlyError(CrmValidationException exception, string field, string rule)
    {
        var error = Assert.Single(exception.Errors);
        Assert.Equal(field, error.Field);
        Assert.Equal(rule, error.Rule);
    }

    /// <summary>Runs an operation that must fail and checks that it changed nothing.</summary>
    public static TException FailsWithoutChange<TException>(Ticket ticket, Action<Ticket> operation)
        where TException : Exception
    {
        var before = Serialize(ticket);
        var events = ticket.DomainEvents.Count;
        var exception = Assert.Throws<TException>(() => operation(ticket));
        Assert.Equal(before, Serialize(ticket));
        Assert.Equal(events, ticket.DomainEvents.Count);
        return exception;
    }
}
