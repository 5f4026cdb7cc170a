using System.Diagnostics.CodeAnalysis;
using NodaTime;

namespace Crm.Sdk;

/// <summary>
/// Identifies one record of type <typeparamref name="T"/>: <c>Id&lt;Customer&gt;</c>, <c>Id&lt;Deal&gt;</c>,
/// <c>Id&lt;Ticket&gt;</c>… A non-empty GUID; the SDK makes time-ordered (version 7) ones, so new records land at the end
/// of an index. An id of one type never converts to an id of another.
/// </summary>
/// <remarks>
/// The constructor and parsing reject <see cref="Guid.Empty"/>. A <c>default</c> id (which a struct cannot forbid) is
/// empty; every service call rejects it with a <see cref="CrmValidationException"/> naming the argument.
/// </remarks>
/// <typeparam name="T">The kind of record identified.</typeparam>
[SuppressMessage("Design", "CA1000:Do not declare static members on generic types", Justification = "ISpanParsable<T> requires static Parse and TryParse.")]
public readonly struct Id<T> : IEquatable<Id<T>>, IComparable<Id<T>>, ISpanParsable<Id<T>>, ISpanFormattable
    where T : class
{
    /// <summary>Wraps a GUID as an id.</summary>
    /// <param name="value">The GUID; never <see cref="Guid.Empty"/>.</param>
    /// <exception cref="CrmValidationException"><paramref name="value"/> is <see cref="Guid.Empty"/> (rule <c>id-empty</c>).</exception>
    public Id(Guid value)
    {
        if (value == Guid.Empty)
        {
            throw EmptyError(FieldName);
        }

        Value = value;
    }

    /// <summary>The underlying GUID (<see cref="Guid.Empty"/> only for a <c>default</c> id).</summary>
    public Guid Value { get; }

    /// <summary>Whether this is the <c>default</c> id, which identifies nothing.</summary>
    public bool IsEmpty => Value == Guid.Empty;

    /// <summary>The name errors give this id type: the record type's name followed by <c>Id</c>, e.g. <c>CustomerId</c>.</summary>
    internal static string FieldName { get; } = typeof(T).Name + "Id";

    /// <summary>Compares two ids by value.</summary>
    /// <param name="left">The first id.</param>
    /// <param name="right">The second id.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(Id<T> left, Id<T> right) => left.Equals(right);

    /// <summary>Compares two ids by value.</summary>
    /// <param name="left">The first id.</param>
    /// <param name="right">The second id.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(Id<T> left, Id<T> right) => !left.Equals(right);

    /// <summary>Orders two ids by their GUIDs.</summary>
    /// <param name="left">The first id.</param>
    /// <param name="right">The second id.</param>
    /// <returns>Whether <paramref name="left"/> sorts first.</returns>
    public static bool operator <(Id<T> left, Id<T> right) => left.CompareTo(right) < 0;

    /// <summary>Orders two ids by their GUIDs.</summary>
    /// <param name="left">The first id.</param>
    /// <param name="right">The second id.</param>
    /// <returns>Whether <paramref name="left"/> sorts first or they are equal.</returns>
    public static bool operator <=(Id<T> left, Id<T> right) => left.CompareTo(right) <= 0;

    /// <summary>Orders two ids by their GUIDs.</summary>
    /// <param name="left">The first id.</param>
    /// <param name="right">The second id.</param>
    /// <returns>Whether <paramref name="left"/> sorts last.</returns>
    public static bool operator >(Id<T> left, Id<T> right) => left.CompareTo(right) > 0;

    /// <summary>Orders two ids by their GUIDs.</summary>
    /// <param name="left">The first id.</param>
    /// <param name="right">The second id.</param>
    /// <returns>Whether <paramref name="left"/> sorts last or they are equal.</returns>
    public static bool operator >=(Id<T> left, Id<T> right) => left.CompareTo(right) >= 0;

    /// <summary>Parses the text form of an id (a non-empty GUID).</summary>
    /// <param name="s">The text to parse.</param>
    /// <returns>The id.</returns>
    /// <exception cref="CrmValidationException">The text is not a non-empty GUID (rule <c>id-format</c>).</exception>
    public static Id<T> Parse(string s) => Parse(s, null);

    /// <summary>Parses the text form of an id (a non-empty GUID).</summary>
    /// <param name="s">The text to parse.</param>
    /// <param name="provider">Ignored.</param>
    /// <returns>The id.</returns>
    /// <exception cref="CrmValidationException">The text is not a non-empty GUID (rule <c>id-format</c>).</exception>
    public static Id<T> Parse(string s, IFormatProvider? provider)
    {
        ArgumentNullException.ThrowIfNull(s);
        return Parse(s.AsSpan(), provider);
    }

    /// <summary>Parses the text form of an id (a non-empty GUID).</summary>
    /// <param name="s">The text to parse.</param>
    /// <param name="provider">Ignored.</param>
    /// <returns>The id.</returns>
    /// <exception cref="CrmValidationException">The text is not a non-empty GUID (rule <c>id-format</c>).</exception>
    public static Id<T> Parse(ReadOnlySpan<char> s, IFormatProvider? provider) =>
        TryParse(s, provider, out var id)
            ? id
            : throw new CrmValidationException(FieldName, "id-format", $"The text is not a valid {FieldName} (a non-empty GUID).");

    /// <summary>Tries to parse the text form of an id.</summary>
    /// <param name="s">The text to parse.</param>
    /// <param name="provider">Ignored.</param>
    /// <param name="result">The id, when parsing succeeded.</param>
    /// <returns>Whether parsing succeeded.</returns>
    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out Id<T> result) => TryParse(s.AsSpan(), provider, out result);

    /// <summary>Tries to parse the text form of an id.</summary>
    /// <param name="s">The text to parse.</param>
    /// <param name="provider">Ignored.</param>
    /// <param name="result">The id, when parsing succeeded.</param>
    /// <returns>Whether parsing succeeded.</returns>
    public static bool TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out Id<T> result)
    {
        var ok = Guid.TryParse(s, out var guid) && guid != Guid.Empty;
        result = ok ? new Id<T>(guid) : default;
        return ok;
    }

    /// <inheritdoc />
    public bool Equals(Id<T> other) => Value == other.Value;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Id<T> other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Value.GetHashCode();

    /// <inheritdoc />
    public int CompareTo(Id<T> other) => Value.CompareTo(other.Value);

    /// <summary>The GUID in its usual 36-character form, e.g. <c>0193a1b2-…</c>.</summary>
    /// <returns>The text form.</returns>
    public override string ToString() => Value.ToString();

    /// <inheritdoc />
    public string ToString(string? format, IFormatProvider? formatProvider) => Value.ToString(format, formatProvider);

    /// <inheritdoc />
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider) =>
        Value.TryFormat(destination, out charsWritten, format);

    /// <summary>A new, unique id ordered by <paramref name="createdAt"/>.</summary>
    internal static Id<T> New(Instant createdAt) => new(Guid.CreateVersion7(createdAt.ToDateTimeOffset()));

    /// <summary>Throws when <paramref name="id"/> is the empty <c>default</c> id.</summary>
    /// <param name="id">The id a caller passed.</param>
    /// <param name="argument">The argument's name, reported as the failing field.</param>
    internal static void ThrowIfEmpty(Id<T> id, string argument)
    {
        if (id.IsEmpty)
        {
            throw EmptyError(argument);
        }
    }

    /// <summary>Throws when an optional id, such as a filter's, is given but empty.</summary>
    /// <param name="id">The id a caller passed, or <see langword="null"/>.</param>
    /// <param name="argument">The argument's name, reported as the failing field.</param>
    internal static void ThrowIfEmpty(Id<T>? id, string argument)
    {
        if (id is { } given)
        {
            ThrowIfEmpty(given, argument);
        }
    }

    private static CrmValidationException EmptyError(string field) =>
        new(field, "id-empty", $"{FieldName} must not be empty (Guid.Empty or a default id identifies nothing).");
}
