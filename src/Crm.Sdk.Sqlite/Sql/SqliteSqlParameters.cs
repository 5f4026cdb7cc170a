using System.Globalization;
using Crm.Sdk.ProviderKit;
using Crm.Sdk.Relational;
using Microsoft.Data.Sqlite;

namespace Crm.Sdk.Sqlite.Sql;

/// <summary>The named parameters (<c>@p0</c>, <c>@p1</c>, ...) of one statement; SQLite takes the values as they are.</summary>
internal sealed class SqliteSqlParameters : SqlParameters
{
    private readonly List<SqliteParameter> _list = [];

    public IReadOnlyList<SqliteParameter> List => _list;

    public override string Add(object value, IndexValueType type)
    {
        var name = "@p" + _list.Count.ToString(CultureInfo.InvariantCulture);
        _list.Add(new SqliteParameter(name, value));
        return name;
    }
}
