using System.Globalization;
using Crm.Sdk.Domain;

namespace Crm.Sdk.Customers;

/// <summary>
/// The id of a customer in another system of the host, for example source <c>erp</c> and value <c>C-10023</c>.
/// A customer has at most one value per source; no two customers share a source and value (a unique index).
/// </summary>
/// <remarks>
/// The source is trimmed and case-folded (Unicode NFKC_Casefold, so full-width <c>ＥＲＰ</c> is <c>erp</c>) and must match <c>[a-z0-9][a-z0-9._-]*</c> (at most 50 characters);
/// the value is trimmed, 1–200 characters, without control characters, and kept as given (case-sensitive).
/// </remarks>
public sealed record ExternalId
{
    /// <summary>The longest source accepted.</summary>
    public const int MaxSourceLength = 50;

    /// <summary>The longest value accepted.</summary>
    public const int MaxValueLength = 200;

    private ExternalId(string source, string value)
    {
        Source = source;
        Value = value;
    }

    /// <summary>The system the id comes from, lower-case, for example <c>erp</c>.</summary>
    public string Source { get; }

    /// <summary>The id in that system, for example <c>C-10023</c>.</summary>
    public string Value { get; }

    /// <summary>The unique key stored in the index: <c>source:value</c>.</summary>
    public string Key => Source + ":" + Value;

    /// <summary>Creates an external id.</summary>
    /// <param name="source">The source system; case-insensitive.</param>
    /// <param name="value">The id in that system.</param>
    /// <returns>The external id.</returns>
    /// <exception cref="CrmValidationException">The source or the value is invalid (fields <c>Source</c>, <c>Value</c>).</exception>
    public static ExternalId Create(string source, string value)
    {
        var errors = new List<ValidationError>();
        var id = Validate(source, value, nameof(Source), nameof(Value), errors);
        InputRules.ThrowIfAny(errors);
        return id!;
    }

    /// <summary>The normalized form of a source: trimmed and case-folded (Unicode NFKC_Casefold; an ASCII source is lower-cased).</summary>
    /// <param name="source">The source.</param>
    /// <returns>The normalized source.</returns>
    public static string NormalizeSource(string source) => TextKey.Of(source);

    /// <inheritdoc />
    public override string ToString() => Key;

    /// <summary>Checks a source and a value, adding errors under the given field names.</summary>
    internal static ExternalId? Validate(string? source, string? value, string sourceField, string valueField, List<ValidationError> errors)
    {
        var count = errors.Count;
        var trimmedSource = InputRules.Required(source, sourceField, MaxSourceLength, errors);
        var normalized = trimmedSource is null ? null : NormalizeSource(trimmedSource);

        // The format is checked on the folded key (so ＥＲＰ is erp), and no invisible format character (a bidi override,
        // a zero-width space) may be dropped by folding on the way.
        if (trimmedSource is not null
            && (normalized!.Length is 0 or > MaxSourceLength || !IsSourceText(normalized) || trimmedSource.Any(c => char.GetUnicodeCategory(c) == UnicodeCategory.Format)))
        {
            errors.Add(new ValidationError(sourceField, "external-id-source-format", $"'{source}' is not a valid source: use [a-z0-9][a-z0-9._-]*, at most {MaxSourceLength} characters."));
        }

        var trimmed = InputRules.Required(value, valueField, MaxValueLength, errors);
        return errors.Count == count ? new ExternalId(normalized!, trimmed!) : null;
    }

    /// <summary>Restores a stored external id without checking it again.</summary>
    internal static ExternalId FromStored(string source, string value) => new(source, value);

    private static bool IsSourceText(string source) =>
        (char.IsAsciiLetterLower(source[0]) || char.IsAsciiDigit(source[0]))
        && source.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '.' or '_' or '-');
}
