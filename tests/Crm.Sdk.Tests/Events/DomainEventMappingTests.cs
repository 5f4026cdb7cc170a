using System.Text.Json;
using Crm.Sdk.Customers;
using Crm.Sdk.Deals;
using Crm.Sdk.Interactions;
using Crm.Sdk.Interactions.Events;
using Crm.Sdk.Storage;
using Crm.Sdk.Storage.Json;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using Xunit;

namespace Crm.Sdk.Tests.Events;

public class DomainEventMappingTests
{
    private static readonly Instant At = Instant.FromUtc(2026, 11, 22, 9, 30, 15) + Duration.FromTicks(1234567);

    [Fact]
    public void An_outbox_row_holds_the_event_type_time_and_data_with_ids_as_guid_text()
    {
        var interaction = new InteractionId(Guid.Parse("01a202a9-3b7e-7aab-b662-81f43ced2c76"));
        var customer = new CustomerId(Guid.Parse("01a202a9-3ab6-7fb5-9205-8e36f28d0a62"));

        var write = DomainEventMapping.ToWrite(new InteractionRecorded(interaction, customer, InteractionKind.Email), "Interaction", interaction.Value, At);

        Assert.Equal(
            """{"eventType":"InteractionRecorded","recordedAt":"2026-11-22T09:30:15.1234567Z","data":{"interactionId":"01a202a9-3b7e-7aab-b662-81f43ced2c76","customerId":"01a202a9-3ab6-7fb5-9205-8e36f28d0a62","kind":"email"}}""",
            write.Body);
        Assert.Equal(DomainEventMapping.CollectionName, write.Collection);
    }

    [Fact]
    public void The_aggregate_type_and_id_are_index_values_of_the_row()
    {
        var interaction = new InteractionId(Guid.CreateVersion7());
        var write = DomainEventMapping.ToWrite(new InteractionRecorded(interaction, new CustomerId(Guid.CreateVersion7()), InteractionKind.Call), "Interaction", interaction.Value, At);

        Assert.Equal("Interaction", write.Indexes![DomainEventMapping.AggregateType]);
        Assert.Equal(interaction.Value, write.Indexes[DomainEventMapping.AggregateId]);
        Assert.Equal("InteractionRecorded", write.Indexes[DomainEventMapping.EventType]);
    }

    [Fact]
    public void Typed_ids_round_trip_as_guid_text() =>
        Prop.ForAll(ArbMap.Default.ArbFor<Guid>().Filter(g => g != Guid.Empty), guid =>
        {
            var json = JsonSerializer.Serialize(new DealId(guid), CrmJson.Options);
            return json == $"\"{guid}\"" && JsonSerializer.Deserialize<DealId>(json, CrmJson.Options) == new DealId(guid);
        }).QuickCheckThrowOnFailure();

    [Theory]
    [InlineData("\"not-a-guid\"")]
    [InlineData("\"00000000-0000-0000-0000-000000000000\"")]
    [InlineData("{\"value\":\"01a202a9-3b7e-7aab-b662-81f43ced2c76\"}")]
    [InlineData("42")]
    public void A_typed_id_that_is_not_a_non_empty_guid_string_is_refused(string json) =>
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<CustomerId>(json, CrmJson.Options));
}
