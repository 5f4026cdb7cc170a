using Crm.Sdk.ProviderKit;

namespace Crm.Sdk.Sqlite.Schema;

/// <summary>The schema a store works with: its collections by name.</summary>
internal sealed class StoreModel
{
    private readonly Dictionary<string, CollectionModel> _collections;

    public StoreModel(IEnumerable<CollectionDefinition> collections)
    {
        _collections = collections.ToDictionary(c => c.Name, c => new CollectionModel(c), StringComparer.Ordinal);
    }

    public IEnumerable<CollectionModel> Collections => _collections.Values;

    public CollectionModel Get(string collection) =>
        _collections.TryGetValue(collection, out var model)
            ? model
            : throw new ArgumentException($"The schema declares no collection '{collection}'.", nameof(collection));
}
