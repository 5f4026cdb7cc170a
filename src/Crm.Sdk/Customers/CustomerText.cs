namespace Crm.Sdk.Customers;

/// <summary>
/// The text rules shared by the customer's fields: values are trimmed, must not contain control characters,
/// have a maximum length, and an optional value that is blank counts as absent.
/// </summary>
internal static class CustomerText
{
    /// <summary>Checks a required text; returns the trimmed value, or <see langword="null"/> after adding the errors.</summary>
    public static string? Required(string? value, string field, int maxLength, List<ValidationError> errors)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            errors.Add(new ValidationError(field, "required", $"{field} is required."));
            return null;
        }

        return Check(trimmed, field, maxLength, errors) ? trimmed : null;
    }

    /// <summary>Checks an optional text; blank becomes <see langword="null"/>. <paramref name="ok"/> is false when an error was added.</summary>
    public static string? Optional(string? value, string field, int maxLength, List<ValidationError> errors, out bool ok)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            ok = true;
            return null;
        }

        ok = Check(trimmed, field, maxLength, errors);
        return ok ? trimmed : null;
    }

    /// <summary>Whether a text contains a control character (tab, new line, NUL, …).</summary>
    public static bool HasControlChars(string value) => value.Any(char.IsControl);

    /// <summary>Throws one <see cref="CrmValidationException"/> when there are errors.</summary>
    public static void ThrowIfAny(List<ValidationError> errors)
    {
        if (errors.Count > 0)
        {
            throw new CrmValidationException(errors.ToArray());
        }
    }

    private static bool Check(string trimmed, string field, int maxLength, List<ValidationError> errors)
    {
        var ok = true;
        if (trimmed.Length > maxLength)
        {
            errors.Add(new ValidationError(field, "max-length", $"{field} must be at most {maxLength} characters (was {trimmed.Length})."));
            ok = false;
        }

        if (HasControlChars(trimmed))
        {
            errors.Add(new ValidationError(field, "control-characters", $"{field} must not contain control characters."));
            ok = false;
        }

        return ok;
    }
}
