namespace Crm.Sdk.Customers;

/// <summary>The type of a host-defined custom field, and of the <see cref="CustomFieldValue"/> it accepts.</summary>
public enum CustomFieldType
{
    /// <summary>Free text (<see cref="TextFieldValue"/>), optionally limited by <see cref="CustomFieldDefinition.MaxLength"/>.</summary>
    Text,

    /// <summary>A decimal number (<see cref="NumberFieldValue"/>).</summary>
    Number,

    /// <summary>A calendar date (<see cref="DateFieldValue"/>).</summary>
    Date,

    /// <summary>Yes or no (<see cref="BooleanFieldValue"/>).</summary>
    Boolean,

    /// <summary>One of <see cref="CustomFieldDefinition.Choices"/> (<see cref="ChoiceFieldValue"/>).</summary>
    Choice,
}
