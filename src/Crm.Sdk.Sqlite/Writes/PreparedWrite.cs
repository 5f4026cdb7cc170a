using Crm.Sdk.ProviderKit;
using Crm.Sdk.Sqlite.Schema;
using Crm.Sdk.Sqlite.Sql;
using Microsoft.Data.Sqlite;

namespace Crm.Sdk.Sqlite.Writes;

/// <summary>A write checked against the schema, with its column values already converted, before the database is touched.</summary>
internal sealed class PreparedWrite
{
    private PreparedWrite(DocumentWrite write, CollectionModel model, byte[] id, object[] columns, string[][] multiValues, string? selectSql = null, (string Name, object Value)[]? selectParameters = null)
    {
        SelectSql = selectSql;
        SelectParameters = selectParameters ?? [];
        Write = write;
        Model = model;
        Id = id;
        Columns = columns;
        MultiValues = multiValues;
    }

    public DocumentWrite Write { get; }

    public CollectionModel Model { get; }

    /// <summary>The id as stored (16 bytes).</summary>
    public byte[] Id { get; }

    /// <summary>The values of <see cref="CollectionModel.Columns"/>, <see cref="DBNull"/> where not set.</summary>
    public object[] Columns { get; }

    /// <summary>The values of <see cref="CollectionModel.MultiValued"/>.</summary>
    public string[][] MultiValues { get; }

    /// <summary>For a <see cref="DocumentWriteKind.DeleteWhere"/>: the query of the ids of the matching documents.</summary>
    public string? SelectSql { get; }

    /// <summary>The parameters of <see cref="SelectSql"/>.</summary>
    public IReadOnlyList<(string Name, object Value)> SelectParameters { get; }

    /// <summary>Checks a write and converts its values; throws <see cref="ArgumentException"/> for what the schema does not declare.</summary>
    public static PreparedWrite From(DocumentWrite write, StoreModel schema)
    {
        ArgumentNullException.ThrowIfNull(write);
        var model = schema.Get(write.Collection);
        var columns = new object[model.Columns.Count];
        Array.Fill(columns, DBNull.Value);
        var multi = new string[model.MultiValued.Count][];
        Array.Fill(multi, []);
        if (write.Kind == DocumentWriteKind.DeleteWhere)
        {
            // The filter is translated (and so checked) now, on a detached command; its SQL and values run at apply time.
            using var select = new SqliteCommand();
            var where = new FilterTranslator(select, model).Translate(write.Filter);
            var sql = $"SELECT {FilterTranslator.Alias}.\"id\" FROM {model.Table} AS {FilterTranslator.Alias} WHERE {where}";
            var parameters = select.Parameters.Cast<SqliteParameter>().Select(p => (p.ParameterName, p.Value!)).ToArray();
            return new PreparedWrite(write, model, [], columns, multi, sql, parameters);
        }

        if (write.Kind is DocumentWriteKind.Insert or DocumentWriteKind.Import or DocumentWriteKind.Update)
        {
            foreach (var (name, value) in write.Indexes!)
            {
                var index = model.GetIndex(name);
                if (index.IsMultiValued)
                {
                    multi[IndexOf(model.MultiValued, index)] = value switch
                    {
                        null => [],
                        string single => [single],
                        IEnumerable<string> many => many.Distinct(StringComparer.Ordinal).ToArray(),
                        _ => throw new ArgumentException($"Index '{name}' of '{model.Name}' is multi-valued and takes a set of strings.", nameof(write)),
                    };
                    if (multi[IndexOf(model.MultiValued, index)].Any(v => v is null))
                    {
                        throw new ArgumentException($"Index '{name}' of '{model.Name}' holds a null value.", nameof(write));
                    }
                }
                else if (value is not null)
                {
                    columns[IndexOf(model.Columns, index)] = IndexValueCodec.ToDb(index, value, model.Name);
                }
            }
        }

        return new PreparedWrite(write, model, GuidBytes.ToBytes(write.Id), columns, multi);
    }

    /// <summary>The value written to an index, as text for error messages.</summary>
    public string DescribeValue(IndexDefinition index)
    {
        var value = Write.Indexes?[index.Name];
        return value switch
        {
            null => "null",
            IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
            _ => value.ToString() ?? string.Empty,
        };
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
