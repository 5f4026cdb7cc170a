using Crm.Sdk.ProviderKit;

namespace Crm.Sdk.Relational;

/// <summary>Provider kit: the collections a relational store works with, each laid out once, found by name.</summary>
/// <typeparam name="TLayout">The provider's collection layout.</typeparam>
public sealed class StoreLayout<TLayout>
    where TLayout : CollectionLayout
{
    private readonly Dictionary<string, TLayout> _byName;

    /// <summary>Lays out collections.</summary>
    /// <param name="collections">The collection definitions.</param>
    /// <param name="layout">Lays out one collection (the provider's constructor).</param>
    public StoreLayout(IEnumerable<CollectionDefinition> collections, Func<CollectionDefinition, TLayout> layout)
    {
        ArgumentNullException.ThrowIfNull(collections);
        ArgumentNullException.ThrowIfNull(layout);
        _byName = collections.ToDictionary(c => c.Name, layout, StringComparer.Ordinal);
    }

    /// <summary>The collections.</summary>
    public IEnumerable<TLayout> Collections => _byName.Values;

    /// <summary>Whether there is no collection (nothing recorded yet).</summary>
    public bool IsEmpty => _byName.Count == 0;

    /// <summary>The collection of that name.</summary>
    /// <param name="collection">The collection name.</param>
    /// <returns>The collection.</returns>
    /// <exception cref="ArgumentException">The schema declares no such collection.</exception>
    public TLayout Get(string collection)
    {
        ArgumentException.ThrowIfNullOrEmpty(collection);
        return _byName.TryGetValue(collection, out var model)
            ? model
            : throw new ArgumentException($"The schema declares no collection '{collection}'.", nameof(collection));
    }

    /// <summary>Checks a write against the schema and converts its values.</summary>
    /// <param name="write">The write.</param>
    /// <returns>The prepared write.</returns>
    /// <exception cref="ArgumentException">The schema declares no such collection or index, or a value does not fit its index.</exception>
    public PreparedWrite<TLayout> Prepare(DocumentWrite write)
    {
        ArgumentNullException.ThrowIfNull(write);
        var collection = Get(write.Collection);
        var dialect = collection.Dialect;
        var id = dialect.EncodeId(write.Id);
        switch (write.Kind)
        {
            case DocumentWriteKind.Delete or DocumentWriteKind.Require:
                return new PreparedWrite<TLayout>(write, collection, id, [], PreparedWrite<TLayout>.NoMultiValues, null, null);
            case DocumentWriteKind.DeleteWhere:
                // Translated, and so checked, now; the statement runs at its point of the batch.
                var parameters = dialect.CreateParameters();
                var condition = new FilterTranslator(collection, parameters).Translate(write.Filter);
                return new PreparedWrite<TLayout>(write, collection, id, [], PreparedWrite<TLayout>.NoMultiValues, condition, parameters);
        }

        var values = write.Indexes!;
        var map = ReferenceEquals(values.Collection, collection.Definition) ? null : collection.OrdinalsIn(values);
        var ordinals = collection.ColumnOrdinals;
        var columns = new object?[ordinals.Length];
        for (var i = 0; i < ordinals.Length; i++)
        {
            var value = PreparedWrite<TLayout>.ValueAt(values, map, ordinals[i]);
            var index = collection.Columns[i];
            columns[i] = value switch
            {
                null => dialect.NullValue,
                IReadOnlyList<string> => throw new ArgumentException($"Index '{index.Name}' of '{collection.Name}' holds one value, not a set.", nameof(write)),
                _ => dialect.ToStored(index, value, collection.Name),
            };
        }

        ordinals = collection.MultiValuedOrdinals;
        var multiValues = ordinals.Length == 0 ? PreparedWrite<TLayout>.NoMultiValues : new string[ordinals.Length][];
        for (var i = 0; i < ordinals.Length; i++)
        {
            multiValues[i] = PreparedWrite<TLayout>.ToSet(collection, collection.MultiValued[i], PreparedWrite<TLayout>.ValueAt(values, map, ordinals[i]));
        }

        return new PreparedWrite<TLayout>(write, collection, id, columns, multiValues, null, null);
    }
}
