using Crm.Sdk.Domain;

namespace Crm.Sdk.Customers;

/// <summary>
/// A custom field that the host defines for its customers (for example <c>tier</c>, a choice of
/// <c>gold</c>/<c>silver</c>), with its type and rules. Values are checked against it when written.
/// </summary>
public sealed class CustomFieldDefinition
{
    /// <summary>The longest key accepted.</summary>
    public const int MaxKeyLength = 48;

    /// <summary>The longest text any <see cref="CustomFieldType.Text"/> field takes, and the limit of a field defined without one.</summary>
    public const int MaxTextLength = 10_000;

    /// <summary>Defines a custom field.</summary>
    /// <param name="key">The key, <c>[a-z][a-z0-9_]*</c>, at most 48 characters.</param>
    /// <param name="label">The label the host shows.</param>
    /// <param name="type">The value type.</param>
    /// <param name="isRequired">Whether every customer must have a value (checked on create and on clear).</param>
    /// <param name="choices">The options of a <see cref="CustomFieldType.Choice"/> field (at least one, distinct); must be empty for other types.</param>
    /// <param name="maxLength">The longest text of a <see cref="CustomFieldType.Text"/> field, from 1 to <see cref="MaxTextLength"/>, or <see langword="null"/> for <see cref="MaxTextLength"/>; only for text fields.</param>
    /// <param name="isPersonal">
    /// Whether the field holds personal data: then it is masked for actors whose roles do not see personal data (a text
    /// value reads <c>***</c>; a value of another type is left out of <see cref="Customer.CustomFields"/>), like names and emails.
    /// </param>
    /// <exception cref="CrmConfigurationException">The definition is inconsistent.</exception>
    public CustomFieldDefinition(string key, string label, CustomFieldType type, bool isRequired = false, IEnumerable<string>? choices = null, int? maxLength = null, bool isPersonal = false)
    {
        var options = choices?.ToArray() ?? [];
        if (string.IsNullOrEmpty(key) || key.Length > MaxKeyLength || !char.IsAsciiLetterLower(key[0])
            || !key.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_'))
        {
            throw new CrmConfigurationException($"Custom field key '{key}' must match [a-z][a-z0-9_]* and have at most {MaxKeyLength} characters.");
        }

        if (string.IsNullOrWhiteSpace(label))
        {
            throw new CrmConfigurationException($"Custom field '{key}' needs a label.");
        }

        if (!Enum.IsDefined(type))
        {
            throw new CrmConfigurationException($"Custom field '{key}' has an unknown type '{type}'.");
        }

        if (type == CustomFieldType.Choice
            && (options.Length == 0 || options.Any(string.IsNullOrWhiteSpace) || options.Distinct(StringComparer.Ordinal).Count() != options.Length))
        {
            throw new CrmConfigurationException($"Choice field '{key}' needs at least one option, each non-blank and distinct.");
        }

        if (type != CustomFieldType.Choice && options.Length > 0)
        {
            throw new CrmConfigurationException($"Custom field '{key}' is of type {type}; only choice fields have options.");
        }

        if (maxLength is not null && (type != CustomFieldType.Text || maxLength is <= 0 or > MaxTextLength))
        {
            throw new CrmConfigurationException($"Custom field '{key}': a maximum length is from 1 to {MaxTextLength} and only for text fields.");
        }

        Key = key;
        Label = label.Trim();
        Type = type;
        IsRequired = isRequired;
        Choices = options;
        MaxLength = maxLength;
        IsPersonal = isPersonal;
    }

    /// <summary>The key, <c>[a-z][a-z0-9_]*</c>.</summary>
    public string Key { get; }

    /// <summary>The label the host shows.</summary>
    public string Label { get; }

    /// <summary>The value type.</summary>
    public CustomFieldType Type { get; }

    /// <summary>Whether every customer must have a value.</summary>
    public bool IsRequired { get; }

    /// <summary>The options of a choice field; empty for other types.</summary>
    public IReadOnlyList<string> Choices { get; }

    /// <summary>The longest text of a text field, or <see langword="null"/> for no limit.</summary>
    public int? MaxLength { get; }

    /// <summary>Whether the field holds personal data, masked for actors whose roles do not see personal data.</summary>
    public bool IsPersonal { get; }

    /// <summary>Checks a value against the definition, adding errors under <c>CustomFields.&lt;key&gt;</c>.</summary>
    internal bool Check(CustomFieldValue? value, List<ValidationError> errors)
    {
        var field = "CustomFields." + Key;
        if (value is null)
        {
            errors.Add(new ValidationError(field, "required", $"Custom field '{Key}' needs a value."));
            return false;
        }

        if (value.Type != Type)
        {
            errors.Add(new ValidationError(field, "custom-field-type", $"Custom field '{Key}' takes a {Type} value, not {value.Type}."));
            return false;
        }

        switch (value)
        {
            case TextFieldValue text when text.Value is null:
                errors.Add(new ValidationError(field, "required", $"Custom field '{Key}' needs a text."));
                return false;
            case DateFieldValue date:
                return InputRules.Date(date.Value, field, errors);
            case TextFieldValue text:
                return InputRules.Check(text.Value, field, MaxLength ?? MaxTextLength, errors, multiline: true);
            case ChoiceFieldValue choice when !InputRules.Check(choice.Value ?? string.Empty, field, MaxTextLength, errors):
                return false;
            case ChoiceFieldValue choice when !Choices.Contains(choice.Value, StringComparer.Ordinal):
                errors.Add(new ValidationError(field, "custom-field-choice", $"'{choice.Value}' is not an option of custom field '{Key}' ({string.Join(", ", Choices)})."));
                return false;
            default:
                return true;
        }
    }
}
