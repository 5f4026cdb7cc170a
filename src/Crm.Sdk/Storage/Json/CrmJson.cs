using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Crm.Sdk.Storage.Json;

/// <summary>The JSON settings of every stored document: camelCase, no nulls, enums as text, NodaTime types as ISO text, typed ids as GUID text.</summary>
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
        options.Converters.Add(new InstantJsonConverter());
        options.Converters.Add(new LocalDateJsonConverter());
        options.Converters.Add(new IdJsonConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
