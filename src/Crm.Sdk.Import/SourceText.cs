using System.Text;

namespace Crm.Sdk.Import;

/// <summary>Text encodings of source files, code pages (GB18030, GBK, Big5, Shift-JIS, Windows-125x) included.</summary>
internal static class SourceText
{
    static SourceText() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static Encoding EncodingOf(string? name, string key)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return new UTF8Encoding(false);
        }

        try
        {
            return name.Trim().ToUpperInvariant() switch
            {
                "UTF-8" or "UTF8" => new UTF8Encoding(false),
                "UTF-16" or "UTF16" or "UTF-16LE" => new UnicodeEncoding(false, false),
                "UTF-16BE" => new UnicodeEncoding(true, false),
                _ => Encoding.GetEncoding(name.Trim()),
            };
        }
        catch (ArgumentException)
        {
            throw new ImportMappingException(key, $"'{name}' is not a text encoding .NET knows (for example utf-8, utf-16, gb18030).");
        }
    }
}
