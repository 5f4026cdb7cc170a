using Crm.Sdk.ProviderKit;
using Crm.Sdk.Storage;
using Crm.Sdk.Tickets;
using NodaTime;
using Xunit;
using static Crm.Sdk.Tests.Tickets.TicketTestData;

namespace Crm.Sdk.Tests.Tickets;

/// <summary>The tickets document: round trip, JSON conventions, declared indexes and index values.</summary>
public class TicketMappingTests
{
    private static readonly TicketMapping Mapping = TicketMapping.Instance;

    private static Ticket RoundTrip(Ticket ticket, long version = 4) =>
        Mapping.Deserialize(new StoredDocument(ticket.Id.Value, version, Mapping.Serialize(ticket)));

    private static void AssertSameTicket(Ticket expected, Ticket actual)
    {
        Assert.Equal(expected.Id, actual.Id);
        Assert.Equal(expected.CustomerId, actual.CustomerId);
        Assert.Equal(expected.Type, actual.Type);
        Assert.Equal(expected.Subject, actual.Subject);
        Assert.Equal(expected.Description, actual.Description);
        Assert.Equal(expected.Priority, actual.Priority);
        Assert.Equal(expected.Status, actual.Status);
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

    private static Ticket Busy()
    {
        var ticket = Ticket.Open(Draft(subject: "Ärger mit \"Lieferung\" 📦", type: TicketType.Complaint, priority: TicketPriority.High), Id, CreatedAt);
        ticket.Assign("agent-7");
        ticket.ChangeStatus(TicketStatus.Open, CreatedAt + Duration.FromNanoseconds(1));
        ticket.AddComment("agent-7", "Internal: call the carrier", isInternal: true, CreatedAt + Duration.FromNanoseconds(2));
        ticket.AddComment("agent-7", "We are on it.\nSorry!", isInternal: false, CreatedAt + Duration.FromNanoseconds(3));
        ticket.AddCustomerComment("Thanks", CreatedAt + Duration.FromSeconds(1));
        ticket.Resolve(Later(30));
        ticket.Reopen(Later(31));
        ticket.Resolve(Later(32));
        ticket.Rate(4, "Good in the end", Later(33).PlusNanoseconds(7));
        ticket.Close(Later(34));
        return ticket;
    }

    /// <summary>Ticket with every field round trips exactly.</summary>
    [Fact]
    public void Ticket_with_every_field_round_trips_exactly()
    {
        var ticket = Busy();

        var restored = RoundTrip(ticket);

        AssertSameTicket(ticket, restored);
        Assert.Equal(4, restored.Version);
        Assert.Empty(restored.DomainEvents);
        Assert.Equal(Mapping.Serialize(ticket), Mapping.Serialize(restored));
    }

    /// <summary>New ticket round trips.</summary>
    [Fact]
    public void New_ticket_round_trips()
    {
        var ticket = Ticket.Open(Draft(description: null), Id, CreatedAt);

        AssertSameTicket(ticket, RoundTrip(ticket));
    }

    /// <summary>Restored ticket keeps its rules.</summary>
    [Fact]
    public void Restored_ticket_keeps_its_rules()
    {
        var restored = RoundTrip(Busy());

        Assert.Equal("ticket-rating-final", Assert.Throws<DomainRuleException>(() => restored.Rate(5, null, Later(40))).Rule);
        restored.Reopen(Later(41));
        Assert.Equal(2, restored.ReopenCount);
    }

    /// <summary>Body uses the shared json conventions.</summary>
    [Fact]
    public void Body_uses_the_shared_json_conventions()
    {
        var body = Mapping.Serialize(InStatus(TicketStatus.Reopened));

        Assert.Contains("\"status\":\"reopened\"", body, StringComparison.Ordinal);
        Assert.Contains("\"type\":\"technical\"", body, StringComparison.Ordinal);
        Assert.Contains("\"createdAt\":\"2024-06-01T08:00:00.987654321Z\"", body, StringComparison.Ordinal);
    }

    /// <summary>Unreadable document is a storage error.</summary>
    [Fact]
    public void Unreadable_document_is_a_storage_error()
    {
        Assert.Throws<CrmStorageException>(() => Mapping.Deserialize(new StoredDocument(Id.Value, 1, "[1,2]")));
    }

    /// <summary>Collection declares its indexes and lookup paths.</summary>
    [Fact]
    public void Collection_declares_its_indexes_and_lookup_paths()
    {
        var collection = Mapping.Collection;

        Assert.Equal("tickets", collection.Name);
        Assert.Equal(
            [
                ("customer_id", IndexValueType.Uuid),
                ("status", IndexValueType.Text),
                ("is_open", IndexValueType.WholeNumber),
                ("priority", IndexValueType.WholeNumber),
                ("type", IndexValueType.Text),
                ("assignee_id", IndexValueType.Text),
                ("created_at", IndexValueType.WholeNumber),
                ("rating", IndexValueType.WholeNumber),
                ("queue_key", IndexValueType.WholeNumber),
            ],
            collection.Indexes.Select(i => (i.Name, i.Type)));
        Assert.Equal(3, collection.CompositeIndexes.Count);
        Assert.Equal(["assignee_id", "is_open", "queue_key"], collection.CompositeIndexes[0]);
        Assert.Equal(["customer_id", "is_open"], collection.CompositeIndexes[1]);
        Assert.Equal(["is_open", "queue_key"], collection.CompositeIndexes[2]);
        Assert.Equal("Ticket", Mapping.EntityName);
    }

    /// <summary>The queue key orders the most urgent first, then the oldest first.</summary>
    [Fact]
    public void Queue_key_orders_most_urgent_first_then_oldest_first()
    {
        var older = NodaTime.Instant.FromUtc(2024, 1, 1, 0, 0);
        var newer = NodaTime.Instant.FromUtc(2030, 1, 1, 0, 0);
        long[] keys =
        [
            TicketMapping.QueueKey(TicketPriority.Urgent, older),
            TicketMapping.QueueKey(TicketPriority.Urgent, newer),
            TicketMapping.QueueKey(TicketPriority.High, older),
            TicketMapping.QueueKey(TicketPriority.Normal, newer),
            TicketMapping.QueueKey(TicketPriority.Low, older),
        ];

        Assert.Equal(keys.Order(), keys);
    }

    /// <summary>Index values of a new ticket.</summary>
    [Fact]
    public void Index_values_of_a_new_ticket()
    {
        var values = Mapping.GetIndexValues(NewTicket());

        Assert.Equal(Customer.Value, values[TicketMapping.CustomerIdIndex]);
        Assert.Equal("new", values[TicketMapping.StatusIndex]);
        Assert.Equal(1L, values[TicketMapping.IsOpenIndex]);
        Assert.Equal(1L, values[TicketMapping.PriorityIndex]);
        Assert.Equal("technical", values[TicketMapping.TypeIndex]);
        Assert.Null(values[TicketMapping.AssigneeIdIndex]);
        Assert.Equal(CreatedAt.ToUnixTimeTicks(), values[TicketMapping.CreatedAtIndex]);
        Assert.Null(values[TicketMapping.RatingIndex]);
    }

    /// <summary>Index values of a rated closed ticket.</summary>
    [Fact]
    public void Index_values_of_a_rated_closed_ticket()
    {
        var values = Mapping.GetIndexValues(Busy());

        Assert.Equal("closed", values[TicketMapping.StatusIndex]);
        Assert.Equal(0L, values[TicketMapping.IsOpenIndex]);
        Assert.Equal(2L, values[TicketMapping.PriorityIndex]);
        Assert.Equal("complaint", values[TicketMapping.TypeIndex]);
        Assert.Equal("agent-7", values[TicketMapping.AssigneeIdIndex]);
        Assert.Equal(4L, values[TicketMapping.RatingIndex]);
    }

    /// <summary>Priority rank sorts urgent highest.</summary>
    [Fact]
    public void Priority_rank_sorts_urgent_highest()
    {
        var ranks = Enum.GetValues<TicketPriority>().OrderBy(TicketMapping.ToIndex).ToArray();

        Assert.Equal([TicketPriority.Low, TicketPriority.Normal, TicketPriority.High, TicketPriority.Urgent], ranks);
        Assert.Equal(4, Enum.GetValues<TicketPriority>().Select(TicketMapping.ToIndex).Distinct().Count());
    }

    /// <summary>Type index text is kebab case.</summary>
    [Theory]
    [InlineData(TicketType.AfterSales, "after-sales")]
    [InlineData(TicketType.Inquiry, "inquiry")]
    public void Type_index_text_is_kebab_case(TicketType type, string expected)
    {
        Assert.Equal(expected, TicketMapping.ToIndex(type));
    }

    /// <summary>Is open index follows the status.</summary>
    [Fact]
    public void Is_open_index_follows_the_status()
    {
        foreach (var status in Enum.GetValues<TicketStatus>())
        {
            var values = Mapping.GetIndexValues(InStatus(status));
            Assert.Equal(TicketWorkflow.IsOpen(status) ? 1L : 0L, values[TicketMapping.IsOpenIndex]);
            Assert.Equal(TicketMapping.ToIndex(status), values[TicketMapping.StatusIndex]);
        }
    }
}
