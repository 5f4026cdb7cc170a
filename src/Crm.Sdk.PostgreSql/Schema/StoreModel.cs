using Crm.Sdk.ProviderKit;

namespace Crm.Sdk.PostgreSql.Schema;

/// <summary>The collections a store works with, laid out in one PostgreSQL schema.</summary>
internal sealed class StoreModel
{
    private readonly Dictionary<string, CollectionModel> _byName;

    public StoreModel(string schema, IEnumerable<CollectionDefinition> collections)
    {
        _byName = collections.ToDictionary(c => c.Name, c => new CollectionModel(schema, c), StringComparer.Ordinal);
    }

    public IEnumerable<CollectionModel> Collections => _byName.Values;

    public CollectionModel Get(string collection)
    {
        ArgumentException.ThrowIfNullOrEmpty(collection);
        return _byName.TryGetValue(collection, out var model)
            ? model
            : throw new ArgumentException($"The schema declares no collection '{collection}'.", nameof(collection));
    }
}
