namespace Crm.Sdk.Import;

/// <summary>The format of a source file.</summary>
public enum SourceFormat
{
    /// <summary>Delimited text with a header row.</summary>
    Csv = 1,

    /// <summary>One JSON object per line.</summary>
    JsonLines = 2,
}
