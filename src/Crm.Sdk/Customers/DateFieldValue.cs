using NodaTime;

namespace Crm.Sdk.Customers;

/// <summary>A date custom field value.</summary>
/// <param name="Value">The date.</param>
public sealed record DateFieldValue(LocalDate Value) : CustomFieldValue
{
    /// <inheritdoc />
    public override CustomFieldType Type => CustomFieldType.Date;
}
