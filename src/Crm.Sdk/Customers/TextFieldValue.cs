namespace Crm.Sdk.Customers;

/// <summary>A text custom field value.</summary>
/// <param name="Value">The text, kept as given.</param>
public sealed record TextFieldValue(string Value) : CustomFieldValue
{
    /// <inheritdoc />
    public override CustomFieldType Type => CustomFieldType.Text;
}
