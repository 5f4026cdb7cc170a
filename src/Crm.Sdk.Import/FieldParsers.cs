using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace Crm.Sdk.Import;

/// <summary>Numbers and dates read with a mapping's culture and patterns; never the host's culture.</summary>
internal static class FieldParsers
{
    public static CultureInfo? CultureOf(string? name, string key)
    {
        if (name is null)
        {
            return null;
        }

        try
        {
            return CultureInfo.GetCultureInfo(name, predefinedOnly: true);
        }
        catch (CultureNotFoundException)
        {
            throw new ImportMappingException(key, HasCultureData()
                ? $"'{name}' is not a culture name (for example en-GB, de-DE, zh-CN)."
                : $"'{name}' cannot be used: this process has no culture data (it runs in globalization-invariant mode). Leave out 'culture' and give date 'format' patterns and 'decimalComma' instead.");
        }
    }

    /// <summary>Whether the process has culture data at all (not in globalization-invariant mode).</summary>
    private static bool HasCultureData()
    {
        try
        {
            _ = CultureInfo.GetCultureInfo("en-US", predefinedOnly: true);
            return true;
        }
        catch (CultureNotFoundException)
        {
            return false;
        }
    }

    public static bool CheckPattern(string pattern, CultureInfo culture, string key)
    {
        try
        {
            _ = LocalDateTimePattern.Create(pattern, culture);
            return true;
        }
        catch (Exception ex) when (ex is InvalidPatternException or ArgumentException)
        {
            throw new ImportMappingException(key, $"'{pattern}' is not a date pattern: {ex.Message}");
        }
    }

    public static bool TryParseDecimal(string text, CultureInfo culture, bool decimalComma, out decimal value)
    {
        if (decimalComma)
        {
            text = text.Replace(".", string.Empty, StringComparison.Ordinal).Replace(" ", string.Empty, StringComparison.Ordinal).Replace(',', '.');
            culture = CultureInfo.InvariantCulture;
        }

        return decimal.TryParse(text, NumberStyles.Number | NumberStyles.AllowExponent, culture, out value);
    }

    public static bool TryParseInstant(string text, string? pattern, CultureInfo culture, DateTimeZone zone, out Instant value)
    {
        value = default;
        if (pattern is null)
        {
            if (InstantPattern.ExtendedIso.Parse(text) is { Success: true } instant)
            {
                value = instant.Value;
                return true;
            }

            if (OffsetDateTimePattern.ExtendedIso.Parse(text) is { Success: true } offset)
            {
                value = offset.Value.ToInstant();
                return true;
            }
        }

        var localPattern = DateTimePatterns.GetOrAdd((pattern ?? "uuuu'-'MM'-'dd' 'HH':'mm':'ss", culture), k => LocalDateTimePattern.Create(k.Pattern, k.Culture));
        var local = localPattern.Parse(text);
        if (!local.Success && pattern is null)
        {
            local = LocalDateTimePattern.ExtendedIso.Parse(text);
            if (!local.Success && LocalDatePattern.Iso.Parse(text) is { Success: true } date)
            {
                value = date.Value.AtStartOfDayInZone(zone).ToInstant();
                return true;
            }
        }

        if (!local.Success && pattern is not null && DatePattern(pattern, culture)?.Parse(text) is { Success: true } onlyDate)
        {
            value = onlyDate.Value.AtStartOfDayInZone(zone).ToInstant();
            return true;
        }

        if (!local.Success)
        {
            return false;
        }

        value = local.Value.InZoneLeniently(zone).ToInstant();
        return true;
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string Pattern, CultureInfo Culture), LocalDateTimePattern> DateTimePatterns = new();

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string Pattern, CultureInfo Culture), LocalDatePattern?> DatePatterns = new();

    /// <summary>A date-only pattern, or null when the text is not one (a date-time pattern, for example).</summary>
    private static LocalDatePattern? DatePattern(string pattern, CultureInfo culture) => DatePatterns.GetOrAdd((pattern, culture), k =>
    {
        try
        {
            return LocalDatePattern.Create(k.Pattern, k.Culture);
        }
        catch (InvalidPatternException)
        {
            return null;
        }
    });

    public static bool TryParseDate(string text, string? pattern, CultureInfo culture, out LocalDate value)
    {
        var result = DatePattern(pattern ?? "uuuu'-'MM'-'dd", culture)?.Parse(text);
        value = result is { Success: true } ? result.Value : default;
        return result is { Success: true };
    }
}
