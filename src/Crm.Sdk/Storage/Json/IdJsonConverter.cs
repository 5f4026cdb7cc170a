using System.Text.Json;
using System.Text.Json.Serialization;

namespace Crm.Sdk.Storage.Json;

/// <summary>
/// Writes a typed id (<see cref="Customers.CustomerId"/>, <see cref="Deals.DealId"/>…) as its GUID text, <c>"0193…"</c>, rather than
/// the default <c>{"value":"0193…"}</c>: the form a host reads in an event and the one the ids parse from.
/// </summary>
/// <typeparam name="TId">The id type.</typeparam>
internal sealed class IdJsonConverter<TId>(Func<Guid, TId> create, Func<TId, Guid> guidOf) : JsonConverter<TId>
    where TId : struct
{
    public override TId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String || !reader.TryGetGuid(out var guid) || guid == Guid.Empty)
        {
            throw new JsonException($"A {typeof(TId).Name} must be a non-empty GUID string.");
        }

        return create(guid);
    }

    public override void Write(Utf8JsonWriter writer, TId value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(guidOf(value));
    }
}
