using System.Buffers;
using System.Text;
using System.Text.Json;
using Crm.Sdk.Domain;
using Crm.Sdk.ProviderKit;
using Crm.Sdk.Storage.Json;
using NodaTime;

namespace Crm.Sdk.Storage;

/// <summary>
/// The outbox: every domain event is saved as a document of <c>domain_events</c> in the same transaction as the change
/// that raised it, ordered by a time-ordered id.
/// </summary>
internal static class DomainEventMapping
{
    public const string CollectionName = "domain_events";
    public const string RecordedAt = "recorded_at";
    public const string EventType = "event_type";
    public const string AggregateType = "aggregate_type";
    public const string AggregateId = "aggregate_id";

    public static CollectionDefinition Collection { get; } = new(
        CollectionName,
        [
            // One row per change, so its B-trees are kept to the id and the (aggregate_id, recorded_at) composite that
            // serves an aggregate's history; the other values stay filterable, read through those or the table.
            new IndexDefinition(RecordedAt, IndexValueType.WholeNumber) { HasOwnIndex = false },
            new IndexDefinition(EventType, IndexValueType.Text) { HasOwnIndex = false },
            new IndexDefinition(AggregateType, IndexValueType.Text) { HasOwnIndex = false },
            new IndexDefinition(AggregateId, IndexValueType.Uuid) { HasOwnIndex = false },
        ],
        [[AggregateId, RecordedAt]]);

    public static DocumentWrite ToWrite(DomainEvent domainEvent, string aggregateType, Guid aggregateId, Instant recordedAt)
    {
        var id = Guid.CreateVersion7(recordedAt.ToDateTimeOffset());
        var eventType = domainEvent.GetType().Name;
        var body = Serialize(domainEvent, eventType, recordedAt);
        var indexes = new IndexValues(Collection)
            .Set(RecordedAt, IndexConversions.ToIndex(recordedAt))
            .Set(EventType, eventType)
            .Set(AggregateType, aggregateType)
            .Set(AggregateId, aggregateId);
        return DocumentWrite.Insert(CollectionName, id, body, indexes);
    }

    /// <summary>
    /// Writes <c>{ eventType, recordedAt, data }</c> in one pass. The aggregate's type and id are index values of the
    /// row (and the id is in <c>data</c> too), so the body does not repeat them: one row per change, kept small.
    /// </summary>
    private static string Serialize(DomainEvent domainEvent, string eventType, Instant recordedAt)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = CrmJson.Options.Encoder }))
        {
            json.WriteStartObject();
            json.WriteString("eventType", eventType);
            json.WritePropertyName("recordedAt");
            JsonSerializer.Serialize(json, recordedAt, CrmJson.Options);
            json.WritePropertyName("data");
            JsonSerializer.Serialize(json, domainEvent, domainEvent.GetType(), CrmJson.Options);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
