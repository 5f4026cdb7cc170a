using System.Globalization;
using Crm.Sdk.ProviderKit;
using Crm.Sdk.Relational;
using Npgsql;
using NpgsqlTypes;

namespace Crm.Sdk.PostgreSql.Sql;

/// <summary>The positional parameters (<c>$1</c>, <c>$2</c>, …) of one SQL statement, each with an explicit type.</summary>
internal sealed class PostgreSqlParameters : SqlParameters
{
    public List<NpgsqlParameter> List { get; } = [];

    /// <summary>Adds a parameter and returns its placeholder.</summary>
    public string Add(object? value, NpgsqlDbType type)
    {
        List.Add(new NpgsqlParameter { Value = value ?? DBNull.Value, NpgsqlDbType = type });
        return "$" + List.Count.ToString(CultureInfo.InvariantCulture);
    }

    public override string Add(object value, IndexValueType type) => Add(value, IndexValueCodec.DbType(type));

    public void CopyTo(NpgsqlParameterCollection parameters)
    {
        foreach (var parameter in List)
        {
            parameters.Add(parameter);
        }
    }
}
