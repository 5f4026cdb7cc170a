namespace Crm.Sdk.ProviderKit;

/// <summary>Everything a provider must create: the collections and their index values.</summary>
public sealed class StoreSchema
{
    private readonly Dictionary<string, CollectionDefinition> _byName;

    /// <summary>Declares a schema.</summary>
    /// <param name="collections">The collections.</param>
    public StoreSchema(IEnumerable<CollectionDefinition> collections)
    {
        ArgumentNullException.ThrowIfNull(collections);
        Collections = collections.ToArray();
        _byName = Collections.ToDictionary(c => c.Name, StringComparer.Ordinal);
    }

    /// <summary>The collections, in declaration order.</summary>
    public IReadOnlyList<CollectionDefinition> Collections { get; }

    /// <summary>Finds a collection by name.</summary>
    /// <param name="name">The collection name.</param>
    /// <returns>The collection definition.</returns>
    /// <exception cref="ArgumentException">The schema declares no such collection.</exception>
    public CollectionDefinition GetCollection(string name) =>
        _byName.TryGetValue(name, out var collection)
            ? collection
            : throw new ArgumentException($"The schema declares no collection '{name}'.", nameof(name));
}
