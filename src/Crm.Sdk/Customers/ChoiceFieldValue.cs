namespace Crm.Sdk.Customers;

/// <summary>A choice custom field value: one of the definition's options.</summary>
/// <param name="Value">The chosen option (compared ordinally with the options).</param>
public sealed record ChoiceFieldValue(string Value) : CustomFieldValue
{
    /// <inheritdoc />
    public override CustomFieldType Type => CustomFieldType.Choice;
}
