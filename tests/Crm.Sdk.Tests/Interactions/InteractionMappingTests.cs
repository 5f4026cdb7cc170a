using Crm.Sdk.Deals;
using Crm.Sdk.Interactions;
using Crm.Sdk.ProviderKit;
using Crm.Sdk.Storage;
using Crm.Sdk.Tickets;
using NodaTime;
using Xunit;
using static Crm.Sdk.Tests.Interactions.InteractionTestData;

namespace Crm.Sdk.Tests.Interactions;

/// <summary>The interactions document: round trip, JSON conventions, declared indexes and index values.</summary>
public class InteractionMappingTests
{
    private static readonly InteractionMapping Mapping = InteractionMapping.Instance;

    private static Interaction RoundTrip(Interaction interaction, long version = 3) =>
        Mapping.Deserialize(new StoredDocument(interaction.Id.Value, version, Mapping.Serialize(interaction)));

    private static void AssertSameInteraction(Interaction expected, Interaction actual)
    {
        Assert.Equal(expected.Id, actual.Id);
        Assert.Equal(expected.CustomerId, actual.CustomerId);
        Assert.Equal(expected.Kind, actual.Kind);
        Assert.Equal(expected.Channel, actual.Channel);
        Assert.Equal(expected.Direction, actual.Direction);
        Assert.Equal(expected.OccurredAt, actual.OccurredAt);
        Assert.Equal(expected.RecordedAt, actual.RecordedAt);
        Assert.Equal(expected.Subject, actual.Subject);
        Assert.Equal(expected.Body, actual.Body);
        Assert.Equal(expected.Participants, actual.Participants);
        Assert.Equal(expected.Transaction, actual.Transaction);
        Assert.Equal(expected.Feedback, actual.Feedback);
        Assert.Equal(expected.BehaviourEvent?.Name, actual.BehaviourEvent?.Name);
        Assert.Equal(
            Sorted(expected.BehaviourEvent?.Properties),
            Sorted(actual.BehaviourEvent?.Properties));
        Assert.Equal(expected.DealId, actual.DealId);
        Assert.Equal(expected.TicketId, actual.TicketId);
    }

    private static KeyValuePair<string, string>[] Sorted(IReadOnlyDictionary<string, string>? properties) =>
        properties?.OrderBy(p => p.Key, StringComparer.Ordinal).ToArray() ?? [];

    [Fact]
    public void Email_with_every_field_round_trips_exactly()
    {
        var interaction = Interaction.Record(
            new InteractionDraft
            {
                CustomerId = Customer,
                Kind = InteractionKind.Email,
                Channel = InteractionChannel.Email,
                Direction = InteractionDirection.Outbound,
                OccurredAt = RecordedAt - Duration.FromNanoseconds(1),
                Subject = "Grüße \"quoted\" <tag> 😀",
                Body = "Line 1\r\nLine 2\tend",
                Participants = [new Participant("Ada", "ada@example.com", "to"), new Participant(null, "+49 30 1234", null), new Participant("Bob")],
                DealId = new DealId(Guid.NewGuid()),
                TicketId = new TicketId(Guid.NewGuid()),
            },
            Id,
            RecordedAt);

        var restored = RoundTrip(interaction);

        AssertSameInteraction(interaction, restored);
        Assert.Equal(3, restored.Version);
    }

    [Fact]
    public void Purchase_round_trips_its_money_exactly()
    {
        var interaction = Record(Purchase(1234567.8901m, "SO-2024-0001"));

        var restored = RoundTrip(interaction);

        AssertSameInteraction(interaction, restored);
        Assert.Equal(1234567.8901m, restored.Transaction!.Amount.Amount);
        Assert.Equal("EUR", restored.Transaction.Amount.Currency);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData(0, RatingScale.Nps)]
    [InlineData(5, RatingScale.FiveStar)]
    public void Feedback_round_trips(int? rating, RatingScale? scale)
    {
        var interaction = Record(Feedback(rating, scale));

        AssertSameInteraction(interaction, RoundTrip(interaction));
    }

    [Fact]
    public void Behaviour_event_round_trips_its_properties()
    {
        var interaction = Record(BehaviourEvent(new Dictionary<string, string> { ["url"] = "/a?b=c&d=é", ["empty"] = "", ["Case"] = "x" }));

        AssertSameInteraction(interaction, RoundTrip(interaction));
    }

    [Fact]
    public void Behaviour_event_without_properties_round_trips()
    {
        var interaction = Record(BehaviourEvent(new Dictionary<string, string>()));

        var restored = RoundTrip(interaction);

        Assert.Equal("page-view", restored.BehaviourEvent!.Name);
        Assert.Empty(restored.BehaviourEvent.Properties!);
    }

    [Fact]
    public void Restored_interaction_has_no_events_and_still_links()
    {
        var restored = RoundTrip(Record(Email()));
        var dealId = new DealId(Guid.NewGuid());

        Assert.Empty(restored.DomainEvents);
        restored.LinkToDeal(dealId);
        Assert.Equal(dealId, RoundTrip(restored).DealId);
    }

    [Fact]
    public void Body_uses_the_shared_json_conventions()
    {
        var body = Mapping.Serialize(Record(BehaviourEvent()));

        Assert.Contains("\"kind\":\"behaviour-event\"", body, StringComparison.Ordinal);
        Assert.Contains("\"channel\":\"web\"", body, StringComparison.Ordinal);
        Assert.Contains("\"occurredAt\":\"2024-03-05T10:15:30.123456789Z\"", body, StringComparison.Ordinal);
        Assert.DoesNotContain("null", body, StringComparison.Ordinal);
    }

    [Fact]
    public void Unreadable_document_is_a_storage_error()
    {
        Assert.Throws<CrmStorageException>(() => Mapping.Deserialize(new StoredDocument(Id.Value, 1, "{not json")));
        Assert.Throws<CrmStorageException>(() => Mapping.Deserialize(new StoredDocument(Id.Value, 1, "null")));
    }

    [Fact]
    public void Collection_declares_its_indexes_and_lookup_paths()
    {
        var collection = Mapping.Collection;

        Assert.Equal("interactions", collection.Name);
        Assert.Equal(
            [
                ("customer_id", IndexValueType.Uuid),
                ("occurred_at", IndexValueType.WholeNumber),
                ("kind", IndexValueType.Text),
                ("amount", IndexValueType.Number),
                ("currency", IndexValueType.Text),
                ("rating", IndexValueType.WholeNumber),
                ("rating_scale", IndexValueType.Text),
                ("deal_id", IndexValueType.Uuid),
                ("ticket_id", IndexValueType.Uuid),
            ],
            collection.Indexes.Select(i => (i.Name, i.Type)));
        Assert.All(collection.Indexes, i => Assert.False(i.IsMultiValued || i.IsUnique));
        Assert.Equal(2, collection.CompositeIndexes.Count);
        Assert.Equal(["customer_id", "occurred_at"], collection.CompositeIndexes[0]);
        Assert.Equal(["customer_id", "kind", "occurred_at"], collection.CompositeIndexes[1]);
        Assert.Equal("Interaction", Mapping.EntityName);
    }

    [Fact]
    public void Purchase_index_values()
    {
        var dealId = new DealId(Guid.NewGuid());
        var interaction = Record(Purchase(49.90m));
        interaction.LinkToDeal(dealId);

        var values = Mapping.GetIndexValues(interaction);

        Assert.Equal(Customer.Value, values[InteractionMapping.CustomerIdIndex]);
        Assert.Equal(RecordedAt.ToUnixTimeTicks(), values[InteractionMapping.OccurredAtIndex]);
        Assert.Equal("purchase", values[InteractionMapping.KindIndex]);
        Assert.Equal(49.90m, values[InteractionMapping.AmountIndex]);
        Assert.Equal("EUR", values[InteractionMapping.CurrencyIndex]);
        Assert.Null(values[InteractionMapping.RatingIndex]);
        Assert.Null(values[InteractionMapping.RatingScaleIndex]);
        Assert.Equal(dealId.Value, values[InteractionMapping.DealIdIndex]);
        Assert.Null(values[InteractionMapping.TicketIdIndex]);
    }

    [Fact]
    public void Feedback_index_values()
    {
        var values = Mapping.GetIndexValues(Record(Feedback(9, RatingScale.Nps)));

        Assert.Equal("feedback", values[InteractionMapping.KindIndex]);
        Assert.Equal(9L, values[InteractionMapping.RatingIndex]);
        Assert.Equal("nps", values[InteractionMapping.RatingScaleIndex]);
        Assert.Null(values[InteractionMapping.AmountIndex]);
        Assert.Null(values[InteractionMapping.CurrencyIndex]);
    }

    [Fact]
    public void Every_index_value_is_declared_and_of_its_declared_type()
    {
        var ticketId = new TicketId(Guid.NewGuid());
        Interaction[] all = [Record(Email()), Record(Purchase()), Record(Feedback()), Record(BehaviourEvent())];
        all[0].LinkToTicket(ticketId);

        foreach (var interaction in all)
        {
            foreach (var (name, value) in Mapping.GetIndexValues(interaction))
            {
                var index = Mapping.Collection.GetIndex(name);
                if (value is not null)
                {
                    Assert.IsType(index.Type switch
                    {
                        IndexValueType.Text => typeof(string),
                        IndexValueType.WholeNumber => typeof(long),
                        IndexValueType.Number => typeof(decimal),
                        _ => typeof(Guid),
                    }, value);
                }
            }
        }

        Assert.Equal(ticketId.Value, Mapping.GetIndexValues(all[0])[InteractionMapping.TicketIdIndex]);
    }

    [Theory]
    [InlineData(InteractionKind.Email, "email")]
    [InlineData(InteractionKind.Refund, "refund")]
    [InlineData(InteractionKind.BehaviourEvent, "behaviour-event")]
    public void Kind_index_text_is_kebab_case(InteractionKind kind, string expected)
    {
        Assert.Equal(expected, InteractionMapping.ToIndex(kind));
    }

    [Fact]
    public void Version_is_read_and_written_through_the_mapping()
    {
        var interaction = Record(Email());

        Mapping.SetVersion(interaction, 7);

        Assert.Equal(7, Mapping.GetVersion(interaction));
        Assert.Equal(Id.Value, Mapping.GetId(interaction));
    }
}
