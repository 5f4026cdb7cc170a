using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Crm.Sdk.ProviderKit;
using Crm.Sdk.Relational;

namespace Crm.Sdk.Sqlite.Sql;

/// <summary>
/// SQLite as the relational core sees it: Text as TEXT, WholeNumber as INTEGER, Number as INTEGER scaled by 10^4 (exact,
/// so sums stay exact; they are split to never overflow, see <see cref="Sum"/>), Uuid and ids as 16 big-endian bytes (<see cref="GuidBytes"/>); named parameters <c>@p0</c>, ...;
/// side values gathered with <c>json_group_array</c>.
/// </summary>
internal sealed class SqliteDialect : SqlDialect
{
    public const decimal Scale = 10_000m;

    /// <summary>Where <see cref="Sum"/> splits a value into its high and low parts (10^9).</summary>
    private const long Split = 1_000_000_000;

    private const string SplitText = "1000000000";

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

    /// <summary>
    /// SQLite's <c>sum</c> of integers fails with "integer overflow" once the running total leaves 64 bits, which ten of
    /// the largest Numbers (scaled by 10^4) do. So each value is split into a high and a low part, <c>v / 10^9</c> and
    /// <c>v % 10^9</c> (both truncate toward zero, so <c>high * 10^9 + low = v</c> exactly), each part is summed (neither
    /// sum can overflow before about 10^9 rows), and the two sums are joined as text and recombined in
    /// <see cref="decimal"/>, where they fit with room to spare (below 10^28). Exact, unlike <c>total()</c>, which is a double.
    /// </summary>
    public override AggregateSql Sum(IndexDefinition index, string column)
    {
        ArgumentNullException.ThrowIfNull(index);
        return new AggregateSql(
            $"sum({column} / {SplitText}) || ',' || sum({column} % {SplitText})",
            v => ReadSplitSum(index, v));
    }

    /// <summary>Numbers are stored scaled: their mean is scaled back.</summary>
    public override AggregateSql Average(IndexDefinition index, string column)
    {
        var scale = index.Type == IndexValueType.Number ? (double)Scale : 1d;
        return new AggregateSql($"avg({column})", v => v is null or DBNull ? null : Convert.ToDouble(v, CultureInfo.InvariantCulture) / scale);
    }

    /// <summary>Recombines the <c>high,low</c> text of <see cref="Sum"/>: the exact sum as a long (WholeNumber) or a decimal (Number).</summary>
    private static object? ReadSplitSum(IndexDefinition index, object? value)
    {
        if (value is null or DBNull)
        {
            return null;
        }

        var text = Convert.ToString(value, CultureInfo.InvariantCulture)!;
        var comma = text.IndexOf(',', StringComparison.Ordinal);
        var high = long.Parse(text.AsSpan(0, comma), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var low = long.Parse(text.AsSpan(comma + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var sum = ((decimal)high * Split) + low;
        if (index.Type == IndexValueType.Number)
        {
            return Normalize(sum / Scale);
        }

        if (sum is < long.MinValue or > long.MaxValue)
        {
            throw SumBeyondRange(index, sum.ToString(CultureInfo.InvariantCulture));
        }

        return decimal.ToInt64(sum);
    }
}
