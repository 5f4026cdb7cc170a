namespace Crm.Sdk.Sqlite.Sql;

/// <summary>Quotes identifiers. Collection and index names are already <c>[a-z][a-z0-9_]*</c>; quoting guards keywords.</summary>
internal static class SqlIdentifier
{
    public static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    public static string SideTable(string collection, string index) => collection + "__" + index;
}
