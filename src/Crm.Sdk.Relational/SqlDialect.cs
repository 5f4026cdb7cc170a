using System.Data.Common;
using System.Globalization;
using Crm.Sdk.ProviderKit;

namespace Crm.Sdk.Relational;

/// <summary>
/// Provider kit: what one SQL database does its own way, asked for by the relational core (write preparation, filter
/// translation, aggregates, queries, export). A provider derives one stateless instance. The defaults are plain SQL;
/// override what the database spells differently.
/// </summary>
/// <remarks>
/// Values pass through three conversions: <see cref="ToStored"/> for what a write puts in a column (strict: a value the
/// column cannot hold exactly is an <see cref="ArgumentException"/>), <see cref="ToComparable"/> for what a filter
/// compares for equality, and <see cref="ToBound"/> for range bounds. <see cref="FromDb"/> reads a column back.
/// </remarks>
public abstract class SqlDialect
{
    /// <summary>The largest absolute value (exclusive) of a <see cref="IndexValueType.Number"/> index.</summary>
    public const decimal NumberLimit = 100_000_000_000_000m;

    /// <summary>The name of the database, for messages (<c>SQLite</c>, <c>PostgreSQL</c>).</summary>
    public abstract string DisplayName { get; }

    /// <summary>The longest identifier, in UTF-8 bytes, the database keeps whole; <see cref="int.MaxValue"/> when unlimited.</summary>
    public virtual int MaxIdentifierBytes => int.MaxValue;

    /// <summary>The literal for true (<c>1</c>, <c>TRUE</c>).</summary>
    public abstract string TrueLiteral { get; }

    /// <summary>The literal for false (<c>0</c>, <c>FALSE</c>).</summary>
    public abstract string FalseLiteral { get; }

    /// <summary>
    /// What a write puts in a column that is not set: <see langword="null"/> by default, <see cref="DBNull.Value"/> for an
    /// ADO.NET provider that binds parameters from these values directly.
    /// </summary>
    public virtual object? NullValue => null;

    /// <summary>A generated name (side table, index, constraint) within <see cref="MaxIdentifierBytes"/>.</summary>
    /// <param name="generated">The name.</param>
    /// <returns>The name, bounded by <see cref="SqlIdentifier.Bounded"/> when the database has a limit.</returns>
    public string Name(string generated) =>
        MaxIdentifierBytes == int.MaxValue ? generated : SqlIdentifier.Bounded(generated, MaxIdentifierBytes);

    /// <summary>Creates the parameters of one statement.</summary>
    /// <returns>An empty parameter list.</returns>
    public abstract SqlParameters CreateParameters();

    /// <summary>The expression that reads a document's body as text from the table aliased <paramref name="tableAlias"/>.</summary>
    /// <param name="tableAlias">The table alias.</param>
    /// <returns>The expression.</returns>
    public virtual string Body(string tableAlias) => tableAlias + ".\"body\"";

    /// <summary>
    /// The expression of one column holding the values of a multi-valued index for the document whose id is
    /// <paramref name="id"/> (a JSON array, an SQL array), read back by <see cref="ReadSideValues"/>.
    /// </summary>
    /// <param name="sideTable">The quoted side table.</param>
    /// <param name="id">The expression of the document id.</param>
    /// <returns>The expression.</returns>
    public abstract string SideValues(string sideTable, string id);

    /// <summary>Reads what <see cref="SideValues"/> selected.</summary>
    /// <param name="reader">The reader.</param>
    /// <param name="ordinal">The column.</param>
    /// <returns>The values, sorted ordinally.</returns>
    public abstract string[] ReadSideValues(DbDataReader reader, int ordinal);

    /// <summary>The id as the database stores it (16 big-endian bytes, a native uuid).</summary>
    /// <param name="id">The id.</param>
    /// <returns>The stored form.</returns>
    public abstract object EncodeId(Guid id);

    /// <summary>Reads an id column.</summary>
    /// <param name="reader">The reader.</param>
    /// <param name="ordinal">The column.</param>
    /// <returns>The id.</returns>
    public abstract Guid ReadId(DbDataReader reader, int ordinal);

    /// <summary>Checks and converts a value a write stores in an index column; rejects what the column cannot hold exactly.</summary>
    /// <param name="index">The index.</param>
    /// <param name="value">The value, of the index's CLR type or one <see cref="IndexDefinition.ToCanonical"/> accepts.</param>
    /// <param name="collection">The collection, for messages.</param>
    /// <returns>The value as the column holds it.</returns>
    public abstract object ToStored(IndexDefinition index, object value, string collection);

    /// <summary>Converts a value a filter or a keyset position compares a column with for equality and order.</summary>
    /// <param name="index">The index.</param>
    /// <param name="value">The value.</param>
    /// <param name="collection">The collection, for messages.</param>
    /// <returns>The value as the column holds it; by default <see cref="ToStored"/>.</returns>
    public virtual object ToComparable(IndexDefinition index, object value, string collection) => ToStored(index, value, collection);

    /// <summary>Converts a range bound (lower inclusive, upper exclusive); bounds need not be storable values.</summary>
    /// <param name="index">The index.</param>
    /// <param name="value">The bound.</param>
    /// <param name="collection">The collection, for messages.</param>
    /// <returns>The bound as compared with the column; by default <see cref="ToComparable"/>.</returns>
    public virtual object ToBound(IndexDefinition index, object value, string collection) => ToComparable(index, value, collection);

    /// <summary>Checks one value of a multi-valued (Text) index before it is stored.</summary>
    /// <param name="index">The index.</param>
    /// <param name="value">The value.</param>
    /// <param name="collection">The collection, for messages.</param>
    /// <returns>The value; by default unchanged.</returns>
    public virtual string ToStoredText(IndexDefinition index, string value, string collection) => value;

    /// <summary>Converts a column value read back to the index's CLR type; <see cref="DBNull"/> becomes <see langword="null"/>.</summary>
    /// <param name="type">The index type.</param>
    /// <param name="value">The column value.</param>
    /// <returns>The value.</returns>
    public abstract object? FromDb(IndexValueType type, object? value);

    /// <summary>The condition that <paramref name="column"/> equals one of <paramref name="values"/> (at least one).</summary>
    /// <param name="column">The column expression.</param>
    /// <param name="index">The index.</param>
    /// <param name="values">The values, converted by <see cref="ToComparable"/>.</param>
    /// <param name="parameters">The statement's parameters.</param>
    /// <returns>By default <c>column IN (p1, p2, ...)</c>.</returns>
    public virtual string AnyOf(string column, IndexDefinition index, IReadOnlyList<object> values, SqlParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(parameters);
        var placeholders = new string[values.Count];
        for (var i = 0; i < placeholders.Length; i++)
        {
            placeholders[i] = parameters.Add(values[i], index.Type);
        }

        return $"{column} IN ({string.Join(", ", placeholders)})";
    }

    /// <summary>
    /// The condition that a row of a multi-valued index's side table (aliased <c>s</c>, columns <c>"value"</c> and
    /// <c>"id"</c>) belongs to the document of the table aliased <paramref name="tableAlias"/> and meets <paramref name="condition"/>.
    /// </summary>
    /// <param name="tableAlias">The document table's alias.</param>
    /// <param name="sideTable">The quoted side table.</param>
    /// <param name="condition">The condition on <c>s."value"</c>.</param>
    /// <returns>By default <c>tableAlias."id" IN (SELECT s."id" FROM side AS s WHERE condition)</c>.</returns>
    public virtual string OnSideTable(string tableAlias, string sideTable, string condition) =>
        $"{tableAlias}.\"id\" IN (SELECT s.\"id\" FROM {sideTable} AS s WHERE {condition})";

    /// <summary>
    /// The keyset condition of a query ordered by <paramref name="column"/> then <paramref name="idColumn"/>: rows strictly
    /// after (<paramref name="comparison"/> <c>&gt;</c>) or before (<c>&lt;</c>) the position (<paramref name="value"/>, <paramref name="id"/>).
    /// </summary>
    /// <param name="column">The order column.</param>
    /// <param name="idColumn">The id column.</param>
    /// <param name="comparison"><c>&gt;</c> or <c>&lt;</c>.</param>
    /// <param name="value">The placeholder of the position's sort value.</param>
    /// <param name="id">The placeholder of the position's id.</param>
    /// <returns>By default a range the column's index serves, then the exact keyset order.</returns>
    public virtual string After(string column, string idColumn, string comparison, string value, string id) =>
        $"{column} {comparison}= {value} AND ({column} {comparison} {value} OR {idColumn} {comparison} {id})";

    /// <summary>The sum of a WholeNumber or Number column, and how to read it back.</summary>
    /// <param name="index">The index.</param>
    /// <param name="column">The column expression.</param>
    /// <returns>By default <c>sum(column)</c> read through <see cref="FromDb"/>.</returns>
    /// <remarks>
    /// A sum must be exact and must never overflow on the way, however many values it adds: override this where the
    /// database's own <c>sum</c> can overflow or round, and where the sum read back may not fit the contract's type
    /// (<see cref="long"/> for WholeNumber, <see cref="decimal"/> for Number) throw <see cref="SumBeyondRange"/>.
    /// </remarks>
    public virtual AggregateSql Sum(IndexDefinition index, string column)
    {
        ArgumentNullException.ThrowIfNull(index);
        return new AggregateSql($"sum({column})", v => FromDb(index.Type, v));
    }

    /// <summary>
    /// The error of an exact sum that does not fit the type the storage contract returns it in (<see cref="long"/> for a
    /// WholeNumber index, <see cref="decimal"/> for a Number index), instead of a driver's overflow error.
    /// </summary>
    /// <param name="index">The summed index.</param>
    /// <param name="sum">The exact sum, as text.</param>
    /// <returns>The exception to throw (not transient: the same sum fails again).</returns>
    public static CrmStorageException SumBeyondRange(IndexDefinition index, string sum)
    {
        ArgumentNullException.ThrowIfNull(index);
        var type = index.Type == IndexValueType.WholeNumber ? "a long" : "a decimal with four decimal places";
        return new CrmStorageException($"The sum of index '{index.Name}' is {sum}, which does not fit {type}; the storage contract cannot return it.", null);
    }

    /// <summary>The least or greatest value of a column, and how to read it back.</summary>
    /// <param name="kind"><see cref="AggregateKind.Min"/> or <see cref="AggregateKind.Max"/>.</param>
    /// <param name="index">The index.</param>
    /// <param name="column">The column expression.</param>
    /// <returns>By default <c>min(column)</c> or <c>max(column)</c> read through <see cref="FromDb"/>.</returns>
    public virtual AggregateSql MinOrMax(AggregateKind kind, IndexDefinition index, string column)
    {
        ArgumentNullException.ThrowIfNull(index);
        return new AggregateSql($"{(kind == AggregateKind.Min ? "min" : "max")}({column})", v => FromDb(index.Type, v));
    }

    /// <summary>The mean of a WholeNumber or Number column as a <see cref="double"/>, and how to read it back.</summary>
    /// <param name="index">The index.</param>
    /// <param name="column">The column expression.</param>
    /// <returns>By default <c>avg(column)</c> read as a double.</returns>
    public virtual AggregateSql Average(IndexDefinition index, string column) =>
        new($"avg({column})", v => v is null or DBNull ? null : Convert.ToDouble(v, CultureInfo.InvariantCulture));

    /// <summary>The value with trailing zeros of the fraction removed (1.5000 becomes 1.5).</summary>
    /// <param name="value">The value.</param>
    /// <returns>The normalized value.</returns>
    public static decimal Normalize(decimal value) => value / 1.0000000000000000000000000000m;

    /// <summary>How an index value appears in messages (<see cref="DuplicateKeyException.Value"/>).</summary>
    /// <param name="value">The value, canonical or as stored.</param>
    /// <returns>The text.</returns>
    public static string Format(object? value) => value switch
    {
        null => "null",
        decimal d => Normalize(d).ToString(CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    /// <summary>Checks that a Number fits the index: below <see cref="NumberLimit"/> in absolute value, at most four decimal places.</summary>
    /// <param name="index">The index.</param>
    /// <param name="value">The value.</param>
    /// <param name="collection">The collection, for messages.</param>
    /// <returns>The value.</returns>
    /// <exception cref="ArgumentException">The value does not fit.</exception>
    protected static decimal CheckNumber(IndexDefinition index, decimal value, string collection)
    {
        ArgumentNullException.ThrowIfNull(index);
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
