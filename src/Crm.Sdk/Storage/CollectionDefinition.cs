namespace Crm.Sdk.Storage;

/// <summary>A collection of documents of one aggregate type and the index values declared for it.</summary>
public sealed class CollectionDefinition
{
    private readonly Dictionary<string, IndexDefinition> _byName;

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
        _byName = Indexes.ToDictionary(i => i.Name, StringComparer.Ordinal);
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

    /// <summary>The declared index values, in declaration order.</summary>
    public IReadOnlyList<IndexDefinition> Indexes { get; }

    /// <summary>The composite lookup paths, each a list of single-valued index names; providers append the id.</summary>
    public IReadOnlyList<IReadOnlyList<string>> CompositeIndexes { get; }

    /// <summary>Finds an index by name.</summary>
    /// <param name="name">The index name.</param>
    /// <returns>The index definition.</returns>
    /// <exception cref="ArgumentException">The collection declares no such index.</exception>
    public IndexDefinition GetIndex(string name) =>
        _byName.TryGetValue(name, out var index)
            ? index
            : throw new ArgumentException($"Collection '{Name}' declares no index '{name}'.", nameof(name));

    /// <summary>Whether the collection declares an index of that name.</summary>
    /// <param name="name">The index name.</param>
    /// <returns><see langword="true"/> when declared.</returns>
    public bool HasIndex(string name) => _byName.ContainsKey(name);
}
