using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Text;

namespace Crm.Sdk.Storage.Json;

/// <summary>Writes an <see cref="Instant"/> as extended ISO-8601 text (nanosecond precision, round-trips exactly).</summary>
/// <remarks>Hand-written because NodaTime.Serialization.SystemTextJson is not served by the package feed here.</remarks>
internal sealed class InstantJsonConverter : JsonConverter<Instant>
{
    public override Instant Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString();
        var result = InstantPattern.ExtendedIso.Parse(text ?? string.Empty);
        return result.Success ? result.Value : throw new JsonException($"'{text}' is not an ISO-8601 instant.");
    }

    public override void Write(Utf8JsonWriter writer, Instant value, JsonSerializerOptions options) =>
        writer.WriteStringValue(InstantPattern.ExtendedIso.Format(value));
}
