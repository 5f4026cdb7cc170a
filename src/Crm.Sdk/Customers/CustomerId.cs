using System.Diagnostics.CodeAnalysis;
using NodaTime;

namespace Crm.Sdk.Customers;

/// <summary>Identifies one customer. A time-ordered (version 7) GUID, so new records land at the end of an index.</summary>
/// <param name="Value">The underlying GUID.</param>
public readonly record struct CustomerId(Guid Value) : ISpanParsable<CustomerId>
{
    /// <summary>Creates a new id ordered by <paramref name="createdAt"/>.</summary>
    /// <param name="createdAt">The creation time that orders the id.</param>
    /// <returns>A new, unique id.</returns>
    public static CustomerId New(Instant createdAt) => new(Guid.CreateVersion7(createdAt.ToDateTimeOffset()));

    /// <summary>Parses the text form of an id (a GUID).</summary>
    /// <param name="s">The text to parse.</param>
    /// <param name="provider">Ignored.</param>
    /// <returns>The id.</returns>
    /// <exception cref="CrmValidationException">The text is not a GUID.</exception>
    public static CustomerId Parse(string s, IFormatProvider? provider = null) => Parse(s.AsSpan(), provider);

    /// <summary>Parses the text form of an id (a GUID).</summary>
    /// <param name="s">The text to parse.</param>
    /// <param name="provider">Ignored.</param>
    /// <returns>The id.</returns>
    /// <exception cref="CrmValidationException">The text is not a GUID.</exception>
    public static CustomerId Parse(ReadOnlySpan<char> s, IFormatProvider? provider = null) =>
        TryParse(s, provider, out var id) ? id : throw new CrmValidationException(nameof(CustomerId), "id-format", $"'{s}' is not a valid {nameof(CustomerId)} (a GUID).");

    /// <summary>Tries to parse the text form of an id.</summary>
    /// <param name="s">The text to parse.</param>
    /// <param name="provider">Ignored.</param>
    /// <param name="result">The id, when parsing succeeded.</param>
    /// <returns>Whether parsing succeeded.</returns>
    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out CustomerId result) => TryParse(s.AsSpan(), provider, out result);

    /// <summary>Tries to parse the text form of an id.</summary>
    /// <param name="s">The text to parse.</param>
    /// <param name="provider">Ignored.</param>
    /// <param name="result">The id, when parsing succeeded.</param>
    /// <returns>Whether parsing succeeded.</returns>
    public static bool TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out CustomerId result)
    {
        var ok = Guid.TryParse(s, out var guid) && guid != Guid.Empty;
        result = ok ? new CustomerId(guid) : default;
        return ok;
    }

    /// <inheritdoc />
    public override string ToString() => Value.ToString();
}
