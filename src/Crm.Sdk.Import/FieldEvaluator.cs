using System.Globalization;
using System.Text;

namespace Crm.Sdk.Import;

/// <summary>
/// Computes a field's text from a row by a <see cref="FieldSource"/>: source, then trim, default, split, map, case and
/// sign, in that order. Written by hand: it is the mapping's own small, closed set of transforms (no expression
/// language, so no code runs from a mapping file).
/// </summary>
internal static class FieldEvaluator
{
    /// <summary>The field's text, or null when empty; a failure names the rule (<c>number</c>).</summary>
    public static string? Evaluate(FieldSource source, SourceRow row, CultureInfo culture, out string? failure)
    {
        failure = null;
        string? value;
        if (source.Constant is not null)
        {
            value = source.Constant;
        }
        else if (source.Column is not null)
        {
            value = row.Get(source.Column);
        }
        else if (source.Columns is { } columns)
        {
            var builder = new StringBuilder();
            foreach (var column in columns)
            {
                var piece = row.Get(column)?.Trim();
                if (piece is not null && source.Map is { } pieceMap && pieceMap.TryGetValue(piece, out var mappedPiece))
                {
                    piece = mappedPiece;
                }

                if (!string.IsNullOrEmpty(piece))
                {
                    builder.Append(builder.Length > 0 ? source.Separator : string.Empty).Append(piece);
                }
            }

            value = builder.ToString();
        }
        else if (source.Multiply is { } factors)
        {
            var product = 1m;
            foreach (var column in factors)
            {
                var text = row.Get(column)?.Trim();
                if (string.IsNullOrEmpty(text))
                {
                    return source.Default;
                }

                if (!FieldParsers.TryParseDecimal(text, culture, source.DecimalComma, out var factor))
                {
                    failure = "number";
                    return text;
                }

                product *= factor;
            }

            value = product.ToString(CultureInfo.InvariantCulture);
        }
        else
        {
            value = Conditional(source.When!, row, culture) ?? source.Default;
        }

        if (value is not null && source.Trim)
        {
            value = value.Trim();
        }

        if (string.IsNullOrEmpty(value))
        {
            return source.Default;
        }

        if (source.Part is { } part)
        {
            value = Split(value, source.Separator, part);
            if (string.IsNullOrEmpty(value))
            {
                return source.Default;
            }
        }

        if (source.Columns is null && source.Map is { } map && map.TryGetValue(value, out var mapped))
        {
            value = mapped;
        }

        value = source.Case switch
        {
            ValueCase.Upper => value.ToUpperInvariant(),
            ValueCase.Lower => value.ToLowerInvariant(),
            ValueCase.Title => CultureInfo.InvariantCulture.TextInfo.ToTitleCase(value.ToLowerInvariant()),
            _ => value,
        };
        if (source.Absolute)
        {
            var numberCulture = source.Multiply is null ? culture : CultureInfo.InvariantCulture;
            if (!FieldParsers.TryParseDecimal(value, numberCulture, source.DecimalComma && source.Multiply is null, out var number))
            {
                failure = "number";
                return value;
            }

            // Written back as the field's own number format, which the target field then reads.
            value = source.DecimalComma && source.Multiply is null
                ? Math.Abs(number).ToString(CultureInfo.InvariantCulture).Replace('.', ',')
                : Math.Abs(number).ToString(numberCulture);
        }

        return value;
    }

    private static string? Split(string value, string separator, int part)
    {
        var parts = value.Split(separator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return part switch
        {
            -1 => parts.Length > 0 ? parts[^1] : null,
            -2 => parts.Length > 1 ? string.Join(separator, parts[1..]) : null,
            _ => part < parts.Length ? parts[part] : null,
        };
    }

    private static string? Conditional(IList<FieldCondition> rules, SourceRow row, CultureInfo culture)
    {
        foreach (var rule in rules)
        {
            var text = row.Get(rule.Column!)?.Trim() ?? string.Empty;
            var matches = (rule.StartsWith is null || text.StartsWith(rule.StartsWith, StringComparison.Ordinal))
                && (rule.EqualTo is null || string.Equals(text, rule.EqualTo, StringComparison.Ordinal))
                && (rule.Negative is null || (FieldParsers.TryParseDecimal(text, culture, false, out var n) && (n < 0m) == rule.Negative));
            if (matches)
            {
                return rule.Value;
            }
        }

        return null;
    }
}
