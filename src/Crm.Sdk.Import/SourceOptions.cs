namespace Crm.Sdk.Import;

/// <summary>How a source file is read: the <c>source</c> object of a mapping file.</summary>
public sealed class SourceOptions
{
    /// <summary>The format (default <see cref="SourceFormat.Csv"/>).</summary>
    public SourceFormat Format { get; set; } = SourceFormat.Csv;

    /// <summary>The CSV delimiter, one character (default <c>,</c>; <c>\t</c> for tab-separated files).</summary>
    public string Delimiter { get; set; } = ",";

    /// <summary>
    /// The text encoding: <c>utf-8</c> (default), <c>utf-16</c>, <c>gb18030</c> or any name .NET knows with the code-page
    /// encodings registered. A byte order mark in the file wins over this setting.
    /// </summary>
    public string Encoding { get; set; } = "utf-8";

    /// <summary>The culture numbers and dates are read in when a field names none (default the invariant culture).</summary>
    public string? Culture { get; set; }

    /// <summary>The time zone (TZDB id) local date-times are read in (default <c>UTC</c>).</summary>
    public string TimeZone { get; set; } = "UTC";
}
