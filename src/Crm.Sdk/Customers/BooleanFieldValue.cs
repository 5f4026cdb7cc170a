namespace Crm.Sdk.Customers;

/// <summary>A yes/no custom field value.</summary>
/// <param name="Value">The flag.</param>
public sealed record BooleanFieldValue(bool Value) : CustomFieldValue
{
    /// <inheritdoc />
    public override CustomFieldType Type => CustomFieldType.Boolean;
}
