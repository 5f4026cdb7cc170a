using System.Text.Json;
using Crm.Sdk.Storage;

namespace Crm.Sdk.PostgreSql.Schema;

/// <summary>Writes a collection definition to the JSON kept in <c>crm_schema</c>, and reads it back.</summary>
internal static class CollectionDefinitionJson
{
    public static string Write(CollectionDefinition collection)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteString("name", collection.Name);
            json.WriteStartArray("indexes");
            foreach (var index in collection.Indexes)
            {
                json.WriteStartObject();
                json.WriteString("name", index.Name);
                json.WriteString("type", index.Type.ToString());
                json.WriteBoolean("multiValued", index.IsMultiValued);
                json.WriteBoolean("unique", index.IsUnique);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("compositeIndexes");
            foreach (var composite in collection.CompositeIndexes)
            {
                json.WriteStartArray();
                foreach (var column in composite)
                {
                    json.WriteStringValue(column);
                }

                json.WriteEndArray();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    public static CollectionDefinition Read(string text)
    {
        using var document = JsonDocument.Parse(text);
        var root = document.RootElement;
        var indexes = root.GetProperty("indexes").EnumerateArray().Select(i => new IndexDefinition(
            i.GetProperty("name").GetString()!,
            Enum.Parse<IndexValueType>(i.GetProperty("type").GetString()!),
            i.GetProperty("multiValued").GetBoolean(),
            i.GetProperty("unique").GetBoolean())).ToArray();
        var composites = root.GetProperty("compositeIndexes").EnumerateArray()
            .Select(c => (IReadOnlyList<string>)c.EnumerateArray().Select(e => e.GetString()!).ToArray())
            .ToArray();
        return new CollectionDefinition(root.GetProperty("name").GetString()!, indexes, composites);
    }

    /// <summary>
    /// What the database holds after applying <paramref name="next"/> over <paramref name="previous"/>: every index and
    /// composite of both (upgrades are additive, so an older application's schema never removes anything).
    /// </summary>
    public static CollectionDefinition Merge(CollectionDefinition? previous, CollectionDefinition next)
    {
        if (previous is null)
        {
            return next;
        }

        var indexes = previous.Indexes.Select(i => next.HasIndex(i.Name) ? next.GetIndex(i.Name) : i)
            .Concat(next.Indexes.Where(i => !previous.HasIndex(i.Name)))
            .ToArray();
        var composites = previous.CompositeIndexes.Concat(next.CompositeIndexes)
            .DistinctBy(c => string.Join(",", c))
            .ToArray();
        return new CollectionDefinition(next.Name, indexes, composites);
    }
}
