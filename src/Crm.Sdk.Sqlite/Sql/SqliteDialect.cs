using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Crm.Sdk.ProviderKit;
using Crm.Sdk.Relational;

namespace Crm.Sdk.Sqlite.Sql;

/// <summary>
/// SQLite as the relational core sees it: Text as TEXT, WholeNumber as INTEGER, Number as INTEGER scaled by 10^4 (exact,
/// so SUM stays exact), Uuid and ids as 16 big-endian bytes (<see cref="GuidBytes"/>); named parameters <c>@p0</c>, ...;
/// side values gathered with <c>json_group_array</c>.
/// </summary>
internal sealed class SqliteDialect : SqlDialect
{
    public const decimal Scale = 10_000m;

    /// <summary>A scaled value beyond every storable Number, used to clamp open-ended range bounds.</summary>
    private const long ScaledBeyondLimit = 1_000_000_000_000_000_000;

    private SqliteDialect()
    {
    }

    public static SqliteDialect Instance { get; } = new();

    public override string DisplayName => "SQLite";

    public override string TrueLiteral => "1";

    public override string FalseLiteral => "0";

    /// <summary>Values are bound to ADO.NET parameters as they are, and those take <see cref="DBNull"/> for null.</summary>
    public override object? NullValue => DBNull.Value;

    public override SqlParameters CreateParameters() => new SqliteSqlParameters();

    public override string SideValues(string sideTable, string id) =>
        $"(SELECT json_group_array(s.\"value\") FROM {sideTable} AS s WHERE s.\"id\" = {id})";

    public override string[] ReadSideValues(DbDataReader reader, int ordinal)
    {
        var values = reader.IsDBNull(ordinal) ? [] : JsonSerializer.Deserialize<string[]>(reader.GetString(ordinal)) ?? [];
        Array.Sort(values, StringComparer.Ordinal);
        return values;
    }

    public override object EncodeId(Guid id) => GuidBytes.ToBytes(id);

    public override Guid ReadId(DbDataReader reader, int ordinal) => GuidBytes.FromBytes((byte[])reader.GetValue(ordinal));

    /// <summary>Converts a value to store or compare for equality; rejects values the index cannot hold exactly.</summary>
    public override object ToStored(IndexDefinition index, object value, string collection) => index.ToCanonical(value, collection) switch
    {
        decimal number => (long)(CheckNumber(index, number, collection) * Scale),
        Guid id => GuidBytes.ToBytes(id),
        var canonical => canonical,
    };

    /// <summary>
    /// Number bounds with more than four decimal places are rounded up, which keeps both an inclusive lower and an
    /// exclusive upper bound exact; bounds beyond the storable range are clamped.
    /// </summary>
    public override object ToBound(IndexDefinition index, object value, string collection)
    {
        if (index.Type != IndexValueType.Number)
        {
            return ToStored(index, value, collection);
        }

        var number = (decimal)index.ToCanonical(value, collection);
        if (number >= NumberLimit)
        {
            return ScaledBeyondLimit;
        }

        if (number <= -NumberLimit)
        {
            return -ScaledBeyondLimit;
        }

        return (long)decimal.Ceiling(number * Scale);
    }

    public override object? FromDb(IndexValueType type, object? value) => value switch
    {
        null or DBNull => null,
        _ => type switch
        {
            IndexValueType.Text => Convert.ToString(value, CultureInfo.InvariantCulture),
            IndexValueType.WholeNumber => Convert.ToInt64(value, CultureInfo.InvariantCulture),
            IndexValueType.Number => Normalize(Convert.ToInt64(value, CultureInfo.InvariantCulture) / Scale),
            IndexValueType.Uuid => value is byte[] bytes && bytes.Length == 16
                ? GuidBytes.FromBytes(bytes)
                : throw new CrmStorageException("A Uuid index column holds a value that is not 16 bytes.", null),
            _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown index type."),
        },
    };

    /// <summary>Numbers are stored scaled: their mean is scaled back.</summary>
    public override AggregateSql Average(IndexDefinition index, string column)
    {
        var scale = index.Type == IndexValueType.Number ? (double)Scale : 1d;
        return new AggregateSql($"avg({column})", v => v is null or DBNull ? null : Convert.ToDouble(v, CultureInfo.InvariantCulture) / scale);
    }
}
