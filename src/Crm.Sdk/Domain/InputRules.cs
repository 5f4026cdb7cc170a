using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using NodaTime;

namespace Crm.Sdk.Domain;

/// <summary>
/// The rules every input of the SDK follows, written or looked up: texts, enum values and dates.
/// <para>
/// Texts: one rule for every text the SDK accepts. A text is refused, never repaired, when it holds
/// an unpaired UTF-16 surrogate (rule <c>invalid-unicode</c>: it could not be stored or encrypted exactly), a control
/// character (rule <c>control-characters</c>; multi-line texts may hold tab, line feed and carriage return), or more
/// than its field's maximum length (rule <c>max-length</c>). A required text that is blank — empty, or only white
/// space and invisible format characters such as U+200B or U+FEFF — is missing (rule <c>required</c>). Every
/// accepted text is stored exactly as given, apart from the trimming of surrounding white space where a field says so.
/// </para>
/// <para>Enum values must be named members (rule <c>undefined-value</c>). Dates must be of the ISO calendar (rule <c>iso-calendar</c>); all of its dates are kept.</para>
/// </summary>
internal static class InputRules
{
    /// <summary>Checks a required text and trims it; returns the trimmed value, or <see langword="null"/> after adding the errors.</summary>
    public static string? Required(string? value, string field, int maxLength, List<ValidationError> errors, bool multiline = false)
    {
        if (IsBlank(value))
        {
            errors.Add(new ValidationError(field, "required", $"{field} is required."));
            return null;
        }

        var trimmed = value.Trim();
        return Check(trimmed, field, maxLength, errors, multiline) ? trimmed : null;
    }

    /// <summary>Checks an optional text and trims it; blank becomes <see langword="null"/>. <paramref name="ok"/> is false when an error was added.</summary>
    public static string? Optional(string? value, string field, int maxLength, List<ValidationError> errors, out bool ok, bool multiline = false)
    {
        if (IsBlank(value))
        {
            ok = true;
            return null;
        }

        var trimmed = value.Trim();
        ok = Check(trimmed, field, maxLength, errors, multiline);
        return ok ? trimmed : null;
    }

    /// <summary>Checks a text as it is (no trimming): surrogates, control characters and length. Returns false after adding errors.</summary>
    public static bool Check(string value, string field, int maxLength, List<ValidationError> errors, bool multiline = false)
    {
        var before = errors.Count;
        if (value.Length > maxLength)
        {
            errors.Add(new ValidationError(
                field,
                "max-length",
                string.Create(CultureInfo.InvariantCulture, $"{field} must be at most {maxLength} characters (it has {value.Length}).")));
        }

        if (HasUnpairedSurrogate(value))
        {
            errors.Add(new ValidationError(field, "invalid-unicode", $"{field} holds an unpaired UTF-16 surrogate; it is not valid Unicode text."));
        }

        if (HasControlChars(value, multiline))
        {
            errors.Add(new ValidationError(
                field,
                "control-characters",
                multiline ? $"{field} must not contain control characters other than tab and line breaks." : $"{field} must not contain control characters."));
        }

        return errors.Count == before;
    }

    /// <summary>
    /// Checks a text the caller looks something up by (a search prefix, an address, a tag): the same characters are refused
    /// as in stored text, so a lookup never silently finds nothing for a text that could never have been stored.
    /// </summary>
    /// <exception cref="CrmValidationException">The text breaks a rule; nothing was read.</exception>
    public static void ThrowIfInvalidLookup(string? value, string field, int maxLength)
    {
        if (value is null)
        {
            return;
        }

        var errors = new List<ValidationError>();
        Check(value, field, maxLength, errors);
        ThrowIfAny(errors);
    }

    /// <summary>Whether a text is missing: <see langword="null"/>, empty, or only white space and invisible format characters.</summary>
    public static bool IsBlank([NotNullWhen(false)] string? value)
    {
        if (value is null)
        {
            return true;
        }

        foreach (var c in value)
        {
            if (!char.IsWhiteSpace(c) && CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.Format)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether a text holds a control character; multi-line texts may hold tab, line feed and carriage return.</summary>
    public static bool HasControlChars(string value, bool multiline = false)
    {
        foreach (var c in value)
        {
            if (char.IsControl(c) && !(multiline && c is '\t' or '\n' or '\r'))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a text holds a high surrogate not followed by a low one, or a low surrogate not preceded by a high one.</summary>
    public static bool HasUnpairedSurrogate(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Adds an <c>undefined-value</c> error when <paramref name="value"/> is not a named member of its enum.</summary>
    public static bool Defined<TEnum>(TEnum value, string field, List<ValidationError> errors)
        where TEnum : struct, Enum
    {
        if (Enum.IsDefined(value))
        {
            return true;
        }

        errors.Add(new ValidationError(field, "undefined-value", $"'{value}' is not a defined {typeof(TEnum).Name}."));
        return false;
    }

    /// <summary>Throws an <c>undefined-value</c> error when an optional enum value, such as a filter's, is given but not a named member.</summary>
    /// <exception cref="CrmValidationException">The value is undefined; nothing was read.</exception>
    public static void ThrowIfUndefined<TEnum>(TEnum? value, string field)
        where TEnum : struct, Enum
    {
        var errors = new List<ValidationError>();
        if (value is { } given)
        {
            Defined(given, field, errors);
        }

        ThrowIfAny(errors);
    }

    /// <summary>
    /// Adds an <c>iso-calendar</c> error when <paramref name="date"/> is not in the ISO calendar, the one every store
    /// keeps; every ISO date is accepted, from <see cref="LocalDate.MinIsoValue"/> to <see cref="LocalDate.MaxIsoValue"/>.
    /// </summary>
    public static bool Date(LocalDate date, string field, List<ValidationError> errors)
    {
        if (date.Calendar == CalendarSystem.Iso)
        {
            return true;
        }

        errors.Add(new ValidationError(field, "iso-calendar", $"{field} must be a date of the ISO calendar, not of {date.Calendar.Id}; convert it with WithCalendar(CalendarSystem.Iso)."));
        return false;
    }

    /// <summary>Throws one <see cref="CrmValidationException"/> with every error, if there are any.</summary>
    public static void ThrowIfAny(List<ValidationError> errors)
    {
        if (errors.Count > 0)
        {
            throw new CrmValidationException(errors.ToArray());
        }
    }
}
