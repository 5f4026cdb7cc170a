using Crm.Sdk.ProviderKit;
using Crm.Sdk.Relational;
using Crm.Sdk.Sqlite.Sql;

namespace Crm.Sdk.Sqlite.Schema;

/// <summary>A collection as the SQLite provider lays it out (see <see cref="CollectionLayout"/>), with the SQL of its writes built once.</summary>
internal sealed class CollectionModel : CollectionLayout
{
    /// <summary>The position of the first column parameter in <see cref="InsertSql"/> and <see cref="UpdateParameters"/>.</summary>
    public const int FirstColumnParameter = 3;

    public CollectionModel(CollectionDefinition definition)
        : base(definition, SqliteDialect.Instance)
    {
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
        UpdateParameters = ["@id", "@expected", "@body", .. parameters];
        SideInsertSql = SideTables.Select(t => $"INSERT INTO {t} (\"value\", \"id\") VALUES (@value, @id)").ToArray();
        SideDeleteSql = SideTables.Select(t => $"DELETE FROM {t} WHERE \"id\" = @id").ToArray();
    }

    public string InsertSql { get; }

    /// <summary>Reads one document (id, version, body) by <c>@id</c>.</summary>
    public string GetByIdSql { get; }

    public string UpdateSql { get; }

    /// <summary>
    /// The parameters of <see cref="UpdateSql"/> in the order a write batch creates them: <c>@id</c>, <c>@expected</c>,
    /// <c>@body</c>, then the <see cref="CollectionLayout.Columns"/> (ordinal <see cref="FirstColumnParameter"/> + i).
    /// <see cref="InsertSql"/> takes the same positions with <c>@version</c> second.
    /// </summary>
    public string[] UpdateParameters { get; }

    public string DeleteSql { get; }

    /// <summary>Deletes a document whatever its version (cascades).</summary>
    public string DeleteAnyVersionSql { get; }

    public string VersionSql { get; }

    public IReadOnlyList<string> SideInsertSql { get; }

    public IReadOnlyList<string> SideDeleteSql { get; }

    public static string ColumnParameter(int ordinal) => "@c" + ordinal.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
