using System.Text.Json;

namespace Crm.Sdk.ProviderKit;

/// <summary>A collection of documents of one aggregate type and the index values declared for it.</summary>
public sealed class CollectionDefinition
{
    private readonly Dictionary<string, int> _ordinals;

    /// <summary>Declares a collection.</summary>
    /// <param name="name">A lower-case identifier (<c>[a-z][a-z0-9_]*</c>), used as the table name.</param>
    /// <param name="indexes">The index values every document of the collection carries.</param>
    /// <param name="compositeIndexes">
    /// Lookup paths that need one B-tree over several single-valued indexes (then the id), for example
    /// <c>["customer_id", "occurred_at"]</c> for a customer's timeline; <see langword="null"/> for none.
    /// </param>
    public CollectionDefinition(string name, IEnumerable<IndexDefinition> indexes, IEnumerable<IReadOnlyList<string>>? compositeIndexes = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(indexes);
        if (!IndexDefinition.IsIdentifier(name))
        {
            throw new ArgumentException($"Collection name '{name}' must match [a-z][a-z0-9_]*.", nameof(name));
        }

        Name = name;
        Indexes = indexes.ToArray();
        _ordinals = new Dictionary<string, int>(Indexes.Count, StringComparer.Ordinal);
        for (var i = 0; i < Indexes.Count; i++)
        {
            if (!_ordinals.TryAdd(Indexes[i].Name, i))
            {
                throw new ArgumentException($"Collection '{name}' declares index '{Indexes[i].Name}' twice.", nameof(indexes));
            }
        }

        CompositeIndexes = (compositeIndexes ?? []).Select(c => (IReadOnlyList<string>)c.ToArray()).ToArray();
        foreach (var column in CompositeIndexes.SelectMany(c => c))
        {
            if (GetIndex(column).IsMultiValued)
            {
                throw new ArgumentException($"Composite index column '{column}' of '{name}' must be single-valued.", nameof(compositeIndexes));
            }
        }
    }

    /// <summary>The collection name, also the table name.</summary>
    public string Name { get; }

    /// <summary>
    /// The declared index values, in declaration order: the position of an index in this list is its ordinal, the
    /// position at which <see cref="IndexValues"/> holds its value.
    /// </summary>
    public IReadOnlyList<IndexDefinition> Indexes { get; }

    /// <summary>The composite lookup paths, each a list of single-valued index names; providers append the id.</summary>
    public IReadOnlyList<IReadOnlyList<string>> CompositeIndexes { get; }

    /// <summary>Finds an index by name.</summary>
    /// <param name="name">The index name.</param>
    /// <returns>The index definition.</returns>
    /// <exception cref="ArgumentException">The collection declares no such index.</exception>
    public IndexDefinition GetIndex(string name) => Indexes[GetOrdinal(name)];

    /// <summary>Finds the ordinal of an index: its position in <see cref="Indexes"/> and in the <see cref="IndexValues"/> of this collection.</summary>
    /// <param name="name">The index name.</param>
    /// <returns>The ordinal, from 0 to the index count - 1.</returns>
    /// <exception cref="ArgumentException">The collection declares no such index.</exception>
    public int GetOrdinal(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _ordinals.TryGetValue(name, out var ordinal)
            ? ordinal
            : throw new ArgumentException($"Collection '{Name}' declares no index '{name}'.", nameof(name));
    }

    /// <summary>Finds the ordinal of an index, if the collection declares it.</summary>
    /// <param name="name">The index name.</param>
    /// <param name="ordinal">The ordinal when declared, else -1.</param>
    /// <returns><see langword="true"/> when declared.</returns>
    public bool TryGetOrdinal(string name, out int ordinal)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (_ordinals.TryGetValue(name, out ordinal))
        {
            return true;
        }

        ordinal = -1;
        return false;
    }

    /// <summary>Whether the collection declares an index of that name.</summary>
    /// <param name="name">The index name.</param>
    /// <returns><see langword="true"/> when declared.</returns>
    public bool HasIndex(string name) => _ordinals.ContainsKey(name);

    /// <summary>The definition as JSON, for providers that record the schema they applied (name, indexes with their options, composites).</summary>
    /// <returns>The JSON text; <see cref="FromJson"/> reads it back.</returns>
    public string ToJson()
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteString("name", Name);
            json.WriteStartArray("indexes");
            foreach (var index in Indexes)
            {
                json.WriteStartObject();
                json.WriteString("name", index.Name);
                json.WriteString("type", index.Type.ToString());
                json.WriteBoolean("multiValued", index.IsMultiValued);
                json.WriteBoolean("unique", index.IsUnique);
                if (!index.HasOwnIndex)
                {
                    // Written only when false, so definitions recorded before the option existed read back the same.
                    json.WriteBoolean("ownIndex", false);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("compositeIndexes");
            foreach (var composite in CompositeIndexes)
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

    /// <summary>Reads a definition written by <see cref="ToJson"/>.</summary>
    /// <param name="text">The JSON text.</param>
    /// <returns>The definition.</returns>
    public static CollectionDefinition FromJson(string text)
    {
        using var document = JsonDocument.Parse(text);
        var root = document.RootElement;
        var indexes = root.GetProperty("indexes").EnumerateArray().Select(i => new IndexDefinition(
            i.GetProperty("name").GetString()!,
            Enum.Parse<IndexValueType>(i.GetProperty("type").GetString()!),
            i.GetProperty("multiValued").GetBoolean(),
            i.GetProperty("unique").GetBoolean())
        {
            HasOwnIndex = !i.TryGetProperty("ownIndex", out var own) || own.GetBoolean(),
        }).ToArray();
        var composites = root.GetProperty("compositeIndexes").EnumerateArray()
            .Select(c => (IReadOnlyList<string>)c.EnumerateArray().Select(e => e.GetString()!).ToArray())
            .ToArray();
        return new CollectionDefinition(root.GetProperty("name").GetString()!, indexes, composites);
    }

    /// <summary>
    /// What a database holds after applying <paramref name="next"/> over <paramref name="previous"/>: every index and
    /// composite of both (upgrades are additive, so an older application's schema never removes anything).
    /// </summary>
    /// <param name="previous">The definition recorded before, or <see langword="null"/>.</param>
    /// <param name="next">The definition being applied.</param>
    /// <returns>The union of both.</returns>
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
