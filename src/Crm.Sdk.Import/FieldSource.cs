namespace Crm.Sdk.Import;

/// <summary>
/// Where one CRM field's value comes from and how it is cleaned: exactly one of <see cref="Column"/>,
/// <see cref="Columns"/>, <see cref="Multiply"/>, <see cref="Constant"/> or <see cref="When"/>, then the transforms in
/// the documented order (trim, default, split, map, case, sign). No code runs from a mapping: every transform is one of these.
/// </summary>
public sealed class FieldSource
{
    /// <summary>The source column (CSV header or JSON property).</summary>
    public string? Column { get; set; }

    /// <summary>Several columns joined by <see cref="Separator"/> (empty values left out).</summary>
    public IList<string>? Columns { get; set; }

    /// <summary>The separator of <see cref="Columns"/> (default one space) and of <see cref="Part"/>.</summary>
    public string Separator { get; set; } = " ";

    /// <summary>Two or more numeric columns multiplied (quantity × unit price).</summary>
    public IList<string>? Multiply { get; set; }

    /// <summary>A constant value.</summary>
    public string? Constant { get; set; }

    /// <summary>Rules tried in order; the first that matches gives the value, else <see cref="Default"/>.</summary>
    public IList<FieldCondition>? When { get; set; }

    /// <summary>Trims white space (default true).</summary>
    public bool Trim { get; set; } = true;

    /// <summary>The value used when the source is empty.</summary>
    public string? Default { get; set; }

    /// <summary>Splits the value by <see cref="Separator"/> and keeps this part (0-based; -1 for the last, -2 for all but the first).</summary>
    public int? Part { get; set; }

    /// <summary>
    /// Replaces whole values (for example <c>GTXPro</c> → <c>GTX Pro</c>); a value not listed is kept. With
    /// <see cref="Columns"/>, each column's value is replaced before the join.
    /// </summary>
    public IDictionary<string, string>? Map { get; set; }

    /// <summary>Changes the letter case.</summary>
    public ValueCase Case { get; set; }

    /// <summary>Keeps a number's absolute value (refunds written as negative quantities).</summary>
    public bool Absolute { get; set; }

    /// <summary>The pattern of a date or date-time (NodaTime pattern text, for example <c>dd/MM/yyyy HH:mm</c>).</summary>
    public string? Format { get; set; }

    /// <summary>The culture of this field's numbers and dates (overrides <see cref="SourceOptions.Culture"/>).</summary>
    public string? Culture { get; set; }

    /// <summary>Reads numbers with a decimal comma (<c>1.234,56</c>) whatever the culture.</summary>
    public bool DecimalComma { get; set; }
}
