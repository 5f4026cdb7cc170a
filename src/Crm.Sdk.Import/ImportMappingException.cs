namespace Crm.Sdk.Import;

/// <summary>A mapping (in code or in a file) is not valid: an unknown key, a bad value, a missing part.</summary>
public sealed class ImportMappingException : CrmException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="key">The mapping key at fault, as a JSON path (<c>$.customer.email.format</c>).</param>
    /// <param name="message">What is wrong and what to do.</param>
    /// <param name="lineNumber">The 1-based line in the mapping file, when read from one.</param>
    /// <param name="position">The 1-based position in the line, when read from a file.</param>
    public ImportMappingException(string key, string message, long? lineNumber = null, long? position = null)
        : base(lineNumber is { } line ? $"{message} (key '{key}', line {line}, position {position})" : $"{message} (key '{key}')")
    {
        Key = key;
        LineNumber = lineNumber;
        Position = position;
    }

    /// <summary>The mapping key at fault, as a JSON path.</summary>
    public string Key { get; }

    /// <summary>The 1-based line in the mapping file, when read from one.</summary>
    public long? LineNumber { get; }

    /// <summary>The 1-based position in the line, when read from a file.</summary>
    public long? Position { get; }
}
