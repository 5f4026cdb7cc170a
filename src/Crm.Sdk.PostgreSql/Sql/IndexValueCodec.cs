using Crm.Sdk.ProviderKit;
using NpgsqlTypes;

namespace Crm.Sdk.PostgreSql.Sql;

/// <summary>
/// The PostgreSQL types of index values: Text as <c>text COLLATE "C"</c>, WholeNumber as <c>bigint</c>, Number as
/// <c>numeric(18,4)</c>, Uuid as <c>uuid</c>.
/// </summary>
internal static class IndexValueCodec
{
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

    /// <summary>A typed array of index values (nulls allowed), as an array parameter takes them.</summary>
    public static Array ToArray(IndexValueType type, IEnumerable<object?> values) => type switch
    {
        IndexValueType.Text => values.Select(v => (string?)v).ToArray(),
        IndexValueType.WholeNumber => values.Select(v => (long?)v).ToArray(),
        IndexValueType.Number => values.Select(v => (decimal?)v).ToArray(),
        _ => values.Select(v => (Guid?)v).ToArray(),
    };
}
