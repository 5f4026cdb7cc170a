using Crm.Sdk.ProviderKit;
using Crm.Sdk.Sqlite.Sql;

namespace Crm.Sdk.Sqlite.Schema;

/// <summary>A collection as the provider lays it out, with the SQL of its writes built once.</summary>
internal sealed class CollectionModel
{
    public CollectionModel(CollectionDefinition definition)
    {
        Definition = definition;
        Name = definition.Name;
        Table = SqlIdentifier.Quote(definition.Name);
        Columns = definition.Indexes.Where(i => !i.IsMultiValued).ToArray();
        MultiValued = definition.Indexes.Where(i => i.IsMultiValued).ToArray();
        SideTables = MultiValued.Select(i => SqlIdentifier.Quote(SqlIdentifier.SideTable(definition.Name, i.Name))).ToArray();

        var columnNames = Columns.Select(c => SqlIdentifier.Quote(c.Name)).ToArray();
        var parameters = Enumerable.Range(0, Columns.Count).Select(ColumnParameter).ToArray();
        InsertSql = $"INSERT INTO {Table} (\"id\", \"version\", \"body\"{string.Concat(columnNames.Select(c => ", " + c))}) "
            + $"VALUES (@id, @version, @body{string.Concat(parameters.Select(p => ", " + p))})";
        UpdateSql = $"UPDATE {Table} SET \"version\" = \"version\" + 1, \"body\" = @body"
            + string.Concat(columnNames.Select((c, i) => $", {c} = {parameters[i]}"))
            + " WHERE \"id\" = @id AND \"version\" = @expected";
        DeleteSql = $"DELETE FROM {Table} WHERE \"id\" = @id AND \"version\" = @expected";
        DeleteAnyVersionSql = $"DELETE FROM {Table} WHERE \"id\" = @id";
        VersionSql = $"SELECT \"version\" FROM {Table} WHERE \"id\" = @id";
        GetByIdSql = $"SELECT t.\"id\", t.\"version\", t.\"body\" FROM {Table} AS t WHERE t.\"id\" = @id";
        ExportSql = $"SELECT t.\"id\", t.\"version\", t.\"body\"{string.Concat(columnNames.Select(c => ", t." + c))}"
            + string.Concat(SideTables.Select(side => $", (SELECT json_group_array(s.\"value\") FROM {side} AS s WHERE s.\"id\" = t.\"id\")"))
            + $" FROM {Table} AS t ORDER BY t.\"id\"";
        UpdateParameters = ["@id", "@expected", "@body", .. parameters];
        SideInsertSql = SideTables.Select(t => $"INSERT INTO {t} (\"value\", \"id\") VALUES (@value, @id)").ToArray();
        SideDeleteSql = SideTables.Select(t => $"DELETE FROM {t} WHERE \"id\" = @id").ToArray();
    }

    public CollectionDefinition Definition { get; }

    public string Name { get; }

    /// <summary>The quoted table name.</summary>
    public string Table { get; }

    /// <summary>The single-valued indexes, each a column of the table, in declaration order.</summary>
    public IReadOnlyList<IndexDefinition> Columns { get; }

    /// <summary>The multi-valued indexes, each a side table.</summary>
    public IReadOnlyList<IndexDefinition> MultiValued { get; }

    /// <summary>The quoted side table names, aligned with <see cref="MultiValued"/>.</summary>
    public IReadOnlyList<string> SideTables { get; }

    public string InsertSql { get; }

    /// <summary>Reads one document (id, version, body) by <c>@id</c>.</summary>
    public string GetByIdSql { get; }

    public string UpdateSql { get; }

    /// <summary>
    /// The parameters of <see cref="UpdateSql"/> in the order a write batch creates them: <c>@id</c>, <c>@expected</c>,
    /// <c>@body</c>, then the <see cref="Columns"/> (ordinal <see cref="FirstColumnParameter"/> + i). <see cref="InsertSql"/>
    /// takes the same positions with <c>@version</c> second.
    /// </summary>
    public string[] UpdateParameters { get; }

    /// <summary>The position of the first column parameter in <see cref="InsertSql"/> and <see cref="UpdateParameters"/>.</summary>
    public const int FirstColumnParameter = 3;

    public string DeleteSql { get; }

    /// <summary>Deletes a document whatever its version (cascades).</summary>
    public string DeleteAnyVersionSql { get; }

    public string VersionSql { get; }

    /// <summary>Every document ordered by id: id, version, body, the <see cref="Columns"/>, then each side table's values as a JSON array.</summary>
    public string ExportSql { get; }

    public IReadOnlyList<string> SideInsertSql { get; }

    public IReadOnlyList<string> SideDeleteSql { get; }

    public static string ColumnParameter(int ordinal) => "@c" + ordinal.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The index of that name, or an <see cref="ArgumentException"/> naming the collection.</summary>
    public IndexDefinition GetIndex(string name) => Definition.GetIndex(name);

    /// <summary>The side table of a multi-valued index.</summary>
    public string SideTableOf(IndexDefinition index)
    {
        for (var i = 0; i < MultiValued.Count; i++)
        {
            if (MultiValued[i].Name == index.Name)
            {
                return SideTables[i];
            }
        }

        throw new ArgumentException($"Index '{index.Name}' of '{Name}' is not multi-valued.", nameof(index));
    }
}
