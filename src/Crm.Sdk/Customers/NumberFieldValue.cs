namespace Crm.Sdk.Customers;

/// <summary>A number custom field value.</summary>
/// <param name="Value">The number.</param>
public sealed record NumberFieldValue(decimal Value) : CustomFieldValue
{
    /// <inheritdoc />
    public override CustomFieldType Type => CustomFieldType.Number;
}
