using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime.Serialization.SystemTextJson;

namespace Crm.Sdk.Storage.Json;

/// <summary>The JSON settings of every stored document: camelCase, no nulls, enums as text, NodaTime types as ISO text, typed ids as GUID text.</summary>
/// <remarks>
/// Instants and dates use NodaTime.Serialization.SystemTextJson's converters: <see cref="NodaConverters.InstantConverter"/>
/// writes <c>InstantPattern.ExtendedIso</c> (<c>uuuu-MM-ddTHH:mm:ss</c>, then only the fraction digits needed, up to nine,
/// then <c>Z</c>) and <see cref="NodaConverters.LocalDateConverter"/> writes <c>LocalDatePattern.Iso</c> (<c>uuuu-MM-dd</c>,
/// years before 1 as <c>-0044</c>) and refuses a date of another calendar rather than write its fields as ISO ones.
/// These are the patterns of the converters written here before, so stored bytes are unchanged
/// (StoredDocumentGoldenTests holds documents written by them).
/// </remarks>
internal static class CrmJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Deserialize<T>(string json, string collection)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(json, Options)
                ?? throw new CrmStorageException($"A document of '{collection}' is empty.", null);
        }
        catch (JsonException ex)
        {
            throw new CrmStorageException($"A document of '{collection}' could not be read: {ex.Message}", ex);
        }
    }

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            RespectNullableAnnotations = true,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower));
        options.Converters.Add(NodaConverters.InstantConverter);
        options.Converters.Add(NodaConverters.LocalDateConverter);
        options.Converters.Add(new IdJsonConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
