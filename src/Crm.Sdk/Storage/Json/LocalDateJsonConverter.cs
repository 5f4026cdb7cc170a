using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Text;

namespace Crm.Sdk.Storage.Json;

/// <summary>Writes a <see cref="LocalDate"/> as ISO-8601 text (<c>uuuu-MM-dd</c>).</summary>
/// <remarks>Hand-written because NodaTime.Serialization.SystemTextJson is not served by the package feed here.</remarks>
internal sealed class LocalDateJsonConverter : JsonConverter<LocalDate>
{
    public override LocalDate Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString();
        var result = LocalDatePattern.Iso.Parse(text ?? string.Empty);
        return result.Success ? result.Value : throw new JsonException($"'{text}' is not an ISO-8601 date.");
    }

    public override void Write(Utf8JsonWriter writer, LocalDate value, JsonSerializerOptions options) =>
        writer.WriteStringValue(LocalDatePattern.Iso.Format(value));
}
