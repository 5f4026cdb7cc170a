using System.Globalization;
using Crm.Sdk.ProviderKit;
using NpgsqlTypes;

namespace Crm.Sdk.PostgreSql.Sql;

/// <summary>
/// Converts index values between their CLR types and PostgreSQL columns: Text as <c>text COLLATE "C"</c>, WholeNumber as
/// <c>bigint</c>, Number as <c>numeric(18,4)</c>, Uuid as <c>uuid</c>.
/// </summary>
internal static class IndexValueCodec
{
    /// <summary>The largest absolute Number value (exclusive).</summary>
    public const decimal NumberLimit = 100_000_000_000_000m;

    public static string ColumnType(IndexValueType type) => type switch
    {
        IndexValueType.Text => "text COLLATE \"C\"",
        IndexValueType.WholeNumber => "bigint",
        IndexValueType.Number => "numeric(18,4)",
        IndexValueType.Uuid => "uuid",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown index type."),
    };

    public static NpgsqlDbType DbType(IndexValueType type) => type switch
    {
        IndexValueType.Text => NpgsqlDbType.Text,
        IndexValueType.WholeNumber => NpgsqlDbType.Bigint,
        IndexValueType.Number => NpgsqlDbType.Numeric,
        IndexValueType.Uuid => NpgsqlDbType.Uuid,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown index type."),
    };

    /// <summary>The SQL name of the column type without collation, for casts of parameters.</summary>
    public static string CastType(IndexValueType type) => type switch
    {
        IndexValueType.Text => "text",
        IndexValueType.WholeNumber => "bigint",
        IndexValueType.Number => "numeric",
        IndexValueType.Uuid => "uuid",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown index type."),
    };

    /// <summary>Checks and converts a value to store; rejects values the column cannot hold exactly.</summary>
    public static object ToStored(IndexDefinition index, object value, string collection) => ToComparable(index, value, collection) switch
    {
        decimal number => CheckNumber(index, number, collection),
        var comparable => comparable,
    };

    /// <summary>Checks and converts a value to compare with (filters, keyset positions).</summary>
    public static object ToComparable(IndexDefinition index, object value, string collection) => index.ToCanonical(value, collection) switch
    {
        string text => CheckText(index, text, collection),
        var canonical => canonical,
    };

    /// <summary>Converts a column value read back to the index's CLR type; DBNull becomes null.</summary>
    public static object? FromDb(IndexValueType type, object? value) => value switch
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

    /// <summary>The value with trailing zeros of the fraction removed (1.5000 becomes 1.5).</summary>
    public static decimal Normalize(decimal value) => value / 1.0000000000000000000000000000m;

    /// <summary>How a value appears in messages (<see cref="DuplicateKeyException.Value"/>).</summary>
    public static string Format(object? value) => value switch
    {
        null => "",
        decimal d => Normalize(d).ToString(CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>Checks a text value PostgreSQL can store (no U+0000).</summary>
    public static string CheckText(IndexDefinition index, string value, string collection) =>
        value.Contains('\0', StringComparison.Ordinal)
            ? throw new ArgumentException($"Index '{index.Name}' of '{collection}' cannot hold text with U+0000 in PostgreSQL.", nameof(value))
            : value;

    private static decimal CheckNumber(IndexDefinition index, decimal value, string collection)
    {
        if (value >= NumberLimit || value <= -NumberLimit)
        {
            throw new ArgumentException(
                $"Index '{index.Name}' of '{collection}' holds Numbers below 10^14 in absolute value; {value.ToString(CultureInfo.InvariantCulture)} is too large.",
                nameof(value));
        }

        if (decimal.Round(value, 4) != value)
        {
            throw new ArgumentException(
                $"Index '{index.Name}' of '{collection}' holds Numbers with at most four decimal places; {value.ToString(CultureInfo.InvariantCulture)} has more.",
                nameof(value));
        }

        return value;
    }
}
