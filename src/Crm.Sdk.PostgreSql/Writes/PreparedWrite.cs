using Crm.Sdk.PostgreSql.Schema;
using Crm.Sdk.PostgreSql.Sql;
using Crm.Sdk.ProviderKit;

namespace Crm.Sdk.PostgreSql.Writes;

/// <summary>A write checked against the schema, with its index values converted to what the columns hold.</summary>
internal sealed class PreparedWrite
{
    private PreparedWrite(DocumentWrite write, CollectionModel collection, object?[] singles, string[][] multis, string? filterSql = null, SqlParameters? filterParameters = null)
    {
        FilterSql = filterSql;
        FilterParameters = filterParameters;
        Write = write;
        Collection = collection;
        Singles = singles;
        Multis = multis;
    }

    public DocumentWrite Write { get; }

    public CollectionModel Collection { get; }

    /// <summary>The values of <see cref="CollectionModel.SingleValued"/>, in its order (null when not set).</summary>
    public object?[] Singles { get; }

    /// <summary>The values of <see cref="CollectionModel.MultiValued"/>, in its order (empty when not set).</summary>
    public string[][] Multis { get; }

    /// <summary>For a <see cref="DocumentWriteKind.DeleteWhere"/>: its filter as a condition on the table aliased <c>t</c>.</summary>
    public string? FilterSql { get; }

    /// <summary>The parameters of <see cref="FilterSql"/> (<c>$1</c>, <c>$2</c>, …).</summary>
    public SqlParameters? FilterParameters { get; }

    public DocumentWriteKind Kind => Write.Kind;

    public Guid Id => Write.Id;

    /// <summary>Checks a write against the schema; throws <see cref="ArgumentException"/> before anything touches the database.</summary>
    public static PreparedWrite Create(StoreModel model, DocumentWrite write)
    {
        ArgumentNullException.ThrowIfNull(write);
        var collection = model.Get(write.Collection);
        if (write.Kind is DocumentWriteKind.Delete or DocumentWriteKind.Require)
        {
            return new PreparedWrite(write, collection, [], []);
        }

        if (write.Kind == DocumentWriteKind.DeleteWhere)
        {
            // Translated (and so checked) now; the statement is built with its parameters first.
            var parameters = new SqlParameters();
            var condition = FilterTranslator.Translate(collection, write.Filter, parameters);
            return new PreparedWrite(write, collection, [], [], condition, parameters);
        }

        var indexes = write.Indexes ?? new IndexValues();
        foreach (var (name, _) in indexes)
        {
            _ = collection.GetIndex(name);
        }

        var singles = collection.SingleValued.Select(index => indexes[index.Name] switch
        {
            null => null,
            IReadOnlyList<string> => throw new ArgumentException($"Index '{index.Name}' of '{collection.Name}' holds one value, not a set.", nameof(write)),
            var value => IndexValueCodec.ToStored(index, value, collection.Name),
        }).ToArray();
        var multis = collection.MultiValued.Select(index => indexes[index.Name] switch
        {
            null => [],
            IReadOnlyList<string> values => values.Distinct(StringComparer.Ordinal)
                .Select(v => IndexValueCodec.CheckText(index, v ?? throw new ArgumentException($"Index '{index.Name}' of '{collection.Name}' holds no null values.", nameof(write)), collection.Name))
                .ToArray(),
            _ => throw new ArgumentException($"Index '{index.Name}' of '{collection.Name}' holds a set of strings (IndexValues.SetMany).", nameof(write)),
        }).ToArray();
        return new PreparedWrite(write, collection, singles, multis);
    }

    /// <summary>The values this write gives a key (<c>id</c> or an index name), for reporting duplicates.</summary>
    public IEnumerable<object> ValuesOf(string key)
    {
        if (Kind is DocumentWriteKind.Delete or DocumentWriteKind.Require or DocumentWriteKind.DeleteWhere)
        {
            return [];
        }

        if (key == "id")
        {
            return Write.IsInsert ? [Id] : [];
        }

        var index = Collection.GetIndex(key);
        if (index.IsMultiValued)
        {
            return Multis[IndexOf(Collection.MultiValued, index)];
        }

        return Singles[IndexOf(Collection.SingleValued, index)] is { } value ? [value] : [];
    }

    private static int IndexOf(IReadOnlyList<IndexDefinition> list, IndexDefinition index)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i].Name == index.Name)
            {
                return i;
            }
        }

        return -1;
    }
}
