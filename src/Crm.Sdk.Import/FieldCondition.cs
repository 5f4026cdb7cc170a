namespace Crm.Sdk.Import;

/// <summary>A rule of <see cref="FieldSource.When"/>: if the column's value matches, the field takes <see cref="Value"/>.</summary>
public sealed class FieldCondition
{
    /// <summary>The column tested.</summary>
    public string? Column { get; set; }

    /// <summary>Matches when the value starts with this text (ordinal).</summary>
    public string? StartsWith { get; set; }

    /// <summary>Matches when the value equals this text (ordinal).</summary>
    public string? EqualTo { get; set; }

    /// <summary>Matches when the value is a negative number.</summary>
    public bool? Negative { get; set; }

    /// <summary>The field's value when the rule matches.</summary>
    public string? Value { get; set; }
}
