using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Sylvan.Data.Csv;

namespace Crm.Sdk.Import;

/// <summary>
/// Streams the rows of a CSV or JSON Lines source, one at a time (memory flat in the file's size). CSV parsing is
/// Sylvan.Data.Csv's (quoting, embedded delimiters and line breaks); the encoding comes from the mapping, and a byte
/// order mark in the file wins over it.
/// </summary>
internal static class SourceReader
{
    public static IAsyncEnumerable<SourceRow> ReadAsync(Stream stream, SourceOptions options, CancellationToken cancellationToken)
    {
        var encoding = SourceText.EncodingOf(options.Encoding, "$.source.encoding");
        var reader = new StreamReader(stream, encoding, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16, leaveOpen: true);
        return options.Format == SourceFormat.JsonLines ? ReadJsonLinesAsync(reader, cancellationToken) : ReadCsvAsync(reader, options, cancellationToken);
    }

    private static async IAsyncEnumerable<SourceRow> ReadCsvAsync(StreamReader text, SourceOptions options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var _ = text;
        var delimiter = options.Delimiter == "\\t" ? '\t' : options.Delimiter[0];
        var csvOptions = new CsvDataReaderOptions { Delimiter = delimiter, HasHeaders = true, BufferSize = 1 << 16 };
        var csv = await CsvDataReader.CreateAsync(text, csvOptions, cancellationToken).ConfigureAwait(false);
        await using var csvScope = csv.ConfigureAwait(false);
        var ordinals = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < csv.FieldCount; i++)
        {
            ordinals.TryAdd(csv.GetName(i).Trim(), i);
        }

        // Line numbers count the physical lines of the file (a quoted value may span lines): header on line 1.
        long line = 2;
        while (await csv.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var values = new string?[csv.RowFieldCount];
            var breaks = 0;
            for (var i = 0; i < values.Length; i++)
            {
                var value = csv.GetString(i);
                values[i] = value;
                breaks += value.AsSpan().Count('\n');
            }

            yield return new SourceRow(line, ordinals, values);
            line += 1 + breaks;
        }
    }

    private static async IAsyncEnumerable<SourceRow> ReadJsonLinesAsync(StreamReader text, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var _ = text;
        long line = 0;
        while (await text.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } jsonLine)
        {
            line++;
            if (string.IsNullOrWhiteSpace(jsonLine))
            {
                continue;
            }

            var ordinals = new Dictionary<string, int>(StringComparer.Ordinal);
            var values = new List<string?>();
            string? error = null;
            try
            {
                using var document = JsonDocument.Parse(jsonLine);
                if (document.RootElement.ValueKind != JsonValueKind.Object)
                {
                    error = "The line is not a JSON object.";
                }
                else
                {
                    foreach (var property in document.RootElement.EnumerateObject())
                    {
                        if (ordinals.TryAdd(property.Name, values.Count))
                        {
                            values.Add(property.Value.ValueKind switch
                            {
                                JsonValueKind.String => property.Value.GetString(),
                                JsonValueKind.Null or JsonValueKind.Undefined => null,
                                _ => property.Value.GetRawText(),
                            });
                        }
                    }
                }
            }
            catch (JsonException ex)
            {
                error = ex.Message;
            }

            yield return error is null ? new SourceRow(line, ordinals, [.. values]) : new SourceRow(line, JsonError, [error]);
        }
    }

    /// <summary>The columns of a row that is not valid JSON: its one value is the parser's message.</summary>
    public static IReadOnlyDictionary<string, int> JsonError { get; } = new Dictionary<string, int>(StringComparer.Ordinal) { [JsonErrorColumn] = 0 };

    public const string JsonErrorColumn = "\u0000json-error";

    public static Encoding Utf8 { get; } = new UTF8Encoding(false);
}
