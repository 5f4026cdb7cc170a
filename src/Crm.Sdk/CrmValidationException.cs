namespace Crm.Sdk;

/// <summary>
/// Thrown when input breaks one or more validation rules. Nothing was written.
/// <see cref="Errors"/> lists every failing field with its rule.
/// </summary>
public sealed class CrmValidationException : CrmException
{
    /// <summary>Creates the exception from the list of broken rules.</summary>
    /// <param name="errors">The broken rules; at least one.</param>
    public CrmValidationException(IReadOnlyList<ValidationError> errors)
        : base(BuildMessage(errors))
    {
        Errors = errors;
    }

    /// <summary>Creates the exception for one broken rule.</summary>
    /// <param name="field">The field that failed.</param>
    /// <param name="rule">The rule name.</param>
    /// <param name="message">A readable explanation.</param>
    public CrmValidationException(string field, string rule, string message)
        : this([new ValidationError(field, rule, message)])
    {
    }

    /// <summary>Every broken rule, one per failing field and rule.</summary>
    public IReadOnlyList<ValidationError> Errors { get; }

    private static string BuildMessage(IReadOnlyList<ValidationError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return errors.Count == 1
            ? $"Validation failed: {errors[0]}"
            : $"Validation failed with {errors.Count} errors: " + string.Join("; ", errors);
    }
}
