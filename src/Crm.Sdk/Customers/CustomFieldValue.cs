using NodaTime;

namespace Crm.Sdk.Customers;

/// <summary>
/// The value of a custom field: a closed set of cases, one per <see cref="CustomFieldType"/>
/// (<see cref="TextFieldValue"/>, <see cref="NumberFieldValue"/>, <see cref="DateFieldValue"/>,
/// <see cref="BooleanFieldValue"/>, <see cref="ChoiceFieldValue"/>). Create values with the static factories and
/// read them with pattern matching. A value is checked against its <see cref="CustomFieldDefinition"/> when written.
/// </summary>
public abstract record CustomFieldValue
{
    private protected CustomFieldValue()
    {
    }

    /// <summary>The type of the value.</summary>
    public abstract CustomFieldType Type { get; }

    /// <summary>A text value.</summary>
    /// <param name="value">The text.</param>
    /// <returns>The value.</returns>
    public static CustomFieldValue Text(string value) => new TextFieldValue(value);

    /// <summary>A number value.</summary>
    /// <param name="value">The number.</param>
    /// <returns>The value.</returns>
    public static CustomFieldValue Number(decimal value) => new NumberFieldValue(value);

    /// <summary>A date value.</summary>
    /// <param name="value">The date.</param>
    /// <returns>The value.</returns>
    public static CustomFieldValue Date(LocalDate value) => new DateFieldValue(value);

    /// <summary>A yes/no value.</summary>
    /// <param name="value">The flag.</param>
    /// <returns>The value.</returns>
    public static CustomFieldValue Boolean(bool value) => new BooleanFieldValue(value);

    /// <summary>A choice among the definition's <see cref="CustomFieldDefinition.Choices"/>.</summary>
    /// <param name="value">The chosen option.</param>
    /// <returns>The value.</returns>
    public static CustomFieldValue Choice(string value) => new ChoiceFieldValue(value);
}
