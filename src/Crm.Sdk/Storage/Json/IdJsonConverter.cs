using System.Text.Json;
using System.Text.Json.Serialization;

namespace Crm.Sdk.Storage.Json;

/// <summary>
/// Writes every <see cref="Id{T}"/> as its GUID text, <c>"0193…"</c>, rather than <c>{"value":"0193…"}</c>: the form a host
/// reads in an event and the one ids parse from. Reading rejects anything but a non-empty GUID string.
/// </summary>
internal sealed class IdJsonConverter : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) =>
        typeToConvert.IsGenericType && typeToConvert.GetGenericTypeDefinition() == typeof(Id<>);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(Converter<>).MakeGenericType(typeToConvert.GetGenericArguments()[0]))!;

    private sealed class Converter<T> : JsonConverter<Id<T>>
        where T : class
    {
        public override Id<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.String || !reader.TryGetGuid(out var guid) || guid == Guid.Empty)
            {
                throw new JsonException($"A {Id<T>.FieldName} must be a non-empty GUID string.");
            }

            return new Id<T>(guid);
        }

        public override void Write(Utf8JsonWriter writer, Id<T> value, JsonSerializerOptions options)
        {
            ArgumentNullException.ThrowIfNull(writer);
            writer.WriteStringValue(value.Value);
        }
    }
}
