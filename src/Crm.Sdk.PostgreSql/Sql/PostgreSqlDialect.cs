using System.Data.Common;
using System.Globalization;
using Crm.Sdk.ProviderKit;
using Crm.Sdk.Relational;
using NpgsqlTypes;

namespace Crm.Sdk.PostgreSql.Sql;

/// <summary>
/// PostgreSQL as the relational core sees it: native uuid ids, typed positional parameters (<c>$1</c>), identifiers
/// within 63 bytes, any-of as <c>= ANY(array)</c>, side values as SQL arrays, keysets as row comparisons, and the
/// aggregate quirks (sums of bigint are numeric, no min/max over uuid).
/// </summary>
internal sealed class PostgreSqlDialect : SqlDialect
{
    private PostgreSqlDialect()
    {
    }

    public static PostgreSqlDialect Instance { get; } = new();

    public override string DisplayName => "PostgreSQL";

    /// <summary>PostgreSQL truncates longer identifiers (NAMEDATALEN - 1).</summary>
    public override int MaxIdentifierBytes => 63;

    public override string TrueLiteral => "TRUE";

    public override string FalseLiteral => "FALSE";

    public override SqlParameters CreateParameters() => new PostgreSqlParameters();

    public override string Body(string tableAlias) => tableAlias + ".\"body\"::text";

    public override string SideValues(string sideTable, string id) =>
        $"ARRAY(SELECT s.\"value\" FROM {sideTable} s WHERE s.\"id\" = {id} ORDER BY s.\"value\")";

    public override string[] ReadSideValues(DbDataReader reader, int ordinal) => reader.GetFieldValue<string[]>(ordinal);

    public override object EncodeId(Guid id) => id;

    public override Guid ReadId(DbDataReader reader, int ordinal) => reader.GetGuid(ordinal);

    /// <summary>Checks and converts a value to store; rejects values the column cannot hold exactly.</summary>
    public override object ToStored(IndexDefinition index, object value, string collection) => ToComparable(index, value, collection) switch
    {
        decimal number => CheckNumber(index, number, collection),
        var comparable => comparable,
    };

    /// <summary>Numbers compare exactly as numeric, whatever their scale; text must be storable.</summary>
    public override object ToComparable(IndexDefinition index, object value, string collection) => index.ToCanonical(value, collection) switch
    {
        string text => ToStoredText(index, text, collection),
        var canonical => canonical,
    };

    /// <summary>PostgreSQL text cannot hold U+0000.</summary>
    public override string ToStoredText(IndexDefinition index, string value, string collection) =>
        value.Contains('\0', StringComparison.Ordinal)
            ? throw new ArgumentException($"Index '{index.Name}' of '{collection}' cannot hold text with U+0000 in PostgreSQL.", nameof(value))
            : value;

    public override object? FromDb(IndexValueType type, object? value) => value switch
    {
        null or DBNull => null,
        _ => type switch
        {
            IndexValueType.Text => (string)value,
            IndexValueType.WholeNumber => Convert.ToInt64(value, CultureInfo.InvariantCulture),
            IndexValueType.Number => Normalize(Convert.ToDecimal(value, CultureInfo.InvariantCulture)),
            IndexValueType.Uuid => value is Guid g ? g : Guid.Parse((string)value),
            _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown index type."),
        },
    };

    /// <summary>One typed array parameter: <c>column = ANY($n)</c>.</summary>
    public override string AnyOf(string column, IndexDefinition index, IReadOnlyList<object> values, SqlParameters parameters)
    {
        var array = IndexValueCodec.ToArray(index.Type, values);
        return $"{column} = ANY({((PostgreSqlParameters)parameters).Add(array, NpgsqlDbType.Array | IndexValueCodec.DbType(index.Type))})";
    }

    public override string OnSideTable(string tableAlias, string sideTable, string condition) =>
        $"EXISTS (SELECT 1 FROM {sideTable} s WHERE s.\"id\" = {tableAlias}.\"id\" AND {condition})";

    /// <summary>A row comparison, which the (column, id) index serves as one range.</summary>
    public override string After(string column, string idColumn, string comparison, string value, string id) =>
        $"({column}, {idColumn}) {comparison} ({value}, {id})";

    /// <summary>
    /// SUM(bigint) and SUM(numeric) are numeric in PostgreSQL: arbitrary precision, they never overflow in the database.
    /// The sum is read as text and parsed here, so that one that does not fit the contract's type (a long, or a decimal
    /// kept exact to four decimal places, good to about 10^24) is a clear <see cref="SqlDialect.SumBeyondRange"/>
    /// rather than a driver's overflow, and never a silently rounded decimal.
    /// </summary>
    public override AggregateSql Sum(IndexDefinition index, string column)
    {
        ArgumentNullException.ThrowIfNull(index);
        return new AggregateSql($"sum({column})::text", v => v is null or DBNull ? null : ReadSum(index, (string)v));
    }

    /// <summary>PostgreSQL has no min/max over uuid: the canonical text form orders like the bytes (and like Guid.CompareTo).</summary>
    public override AggregateSql MinOrMax(AggregateKind kind, IndexDefinition index, string column) => index.Type == IndexValueType.Uuid
        ? new AggregateSql($"{(kind == AggregateKind.Min ? "min" : "max")}({column}::text COLLATE \"C\")::uuid", v => FromDb(index.Type, v))
        : base.MinOrMax(kind, index, column);

    public override AggregateSql Average(IndexDefinition index, string column) =>
        new($"avg({column})::double precision", v => v is null or DBNull ? null : Convert.ToDouble(v, CultureInfo.InvariantCulture));

    /// <summary>Parses the text of a numeric sum: a long for WholeNumber, for Number a decimal that holds it exactly.</summary>
    private static object ReadSum(IndexDefinition index, string text)
    {
        if (index.Type == IndexValueType.WholeNumber)
        {
            return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole)
                ? whole
                : throw SumBeyondRange(index, text);
        }

        // decimal.TryParse rounds digits beyond its precision: the sum is exact only if it prints back the same.
        return decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number)
            && string.Equals(number.ToString(CultureInfo.InvariantCulture), text, StringComparison.Ordinal)
                ? Normalize(number)
                : throw SumBeyondRange(index, text);
    }
}
