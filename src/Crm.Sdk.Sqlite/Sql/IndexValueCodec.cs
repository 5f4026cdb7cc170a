using System.Globalization;
using Crm.Sdk.ProviderKit;

namespace Crm.Sdk.Sqlite.Sql;

/// <summary>
/// Converts index values between their CLR types and the SQLite column values: Text as TEXT, WholeNumber as INTEGER,
/// Number as INTEGER scaled by 10^4 (exact, so SUM stays exact), Uuid as a 16-byte BLOB.
/// </summary>
internal static class IndexValueCodec
{
    public const decimal Scale = 10_000m;

    /// <summary>The largest absolute Number value (exclusive).</summary>
    public const decimal NumberLimit = 100_000_000_000_000m;

    /// <summary>A scaled value beyond every storable Number, used to clamp open-ended range bounds.</summary>
    private const long ScaledBeyondLimit = 1_000_000_000_000_000_000;

    /// <summary>Converts a value to store or compare for equality; rejects values the index cannot hold exactly.</summary>
    public static object ToDb(IndexDefinition index, object value, string collection) => index.ToCanonical(value, collection) switch
    {
        decimal number => ScaleExact(index, number, collection),
        Guid id => GuidBytes.ToBytes(id),
        var canonical => canonical,
    };

    /// <summary>
    /// Converts a range bound. Number bounds with more than four decimal places are rounded up, which keeps both an
    /// inclusive lower and an exclusive upper bound exact; bounds beyond the storable range are clamped.
    /// </summary>
    public static object ToDbBound(IndexDefinition index, object value, string collection)
    {
        if (index.Type != IndexValueType.Number)
        {
            return ToDb(index, value, collection);
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

    /// <summary>Converts a column value read back to the index's CLR type; DBNull becomes null.</summary>
    public static object? FromDb(IndexValueType type, object? value) => value switch
    {
        null or DBNull => null,
        _ => type switch
        {
            IndexValueType.Text => Convert.ToString(value, CultureInfo.InvariantCulture),
            IndexValueType.WholeNumber => Convert.ToInt64(value, CultureInfo.InvariantCulture),
            IndexValueType.Number => Unscale(Convert.ToInt64(value, CultureInfo.InvariantCulture)),
            IndexValueType.Uuid => value is byte[] bytes && bytes.Length == 16
                ? GuidBytes.FromBytes(bytes)
                : throw new CrmStorageException("A Uuid index column holds a value that is not 16 bytes.", null),
            _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown index type."),
        },
    };

    /// <summary>Turns a scaled integer back into the decimal it stands for, with no trailing zeros.</summary>
    public static decimal Unscale(long scaled) => Normalize(scaled / Scale);

    /// <summary>The value with trailing zeros of the fraction removed (1.5000 becomes 1.5).</summary>
    public static decimal Normalize(decimal value) => value / 1.0000000000000000000000000000m;

    private static long ScaleExact(IndexDefinition index, decimal value, string collection)
    {
        if (value >= NumberLimit || value <= -NumberLimit)
        {
            throw new ArgumentException(
                $"Index '{index.Name}' of '{collection}' holds Numbers below 10^14 in absolute value; {value.ToString(CultureInfo.InvariantCulture)} is too large.",
                nameof(value));
        }

        var scaled = value * Scale;
        if (scaled != decimal.Truncate(scaled))
        {
            throw new ArgumentException(
                $"Index '{index.Name}' of '{collection}' holds Numbers with at most four decimal places; {value.ToString(CultureInfo.InvariantCulture)} has more.",
                nameof(value));
        }

        return (long)scaled;
    }
}
