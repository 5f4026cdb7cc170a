using System.Text.Json;

namespace Crm.Sdk.Import;

/// <summary>
/// Where an interrupted import stands: the rows accounted for by committed batches, the report's length at that point
/// and the counts. Written to a temporary file and moved over the old one, so a crash leaves the old or the new one whole.
/// </summary>
internal sealed class ImportCheckpoint
{
    public long RowsDone { get; set; }

    public long ReportLength { get; set; }

    public ImportSummary Summary { get; set; } = new();

    public static ImportCheckpoint? Read(string? path)
    {
        if (path is null || !File.Exists(path))
        {
            return null;
        }

        return JsonSerializer.Deserialize<ImportCheckpoint>(File.ReadAllBytes(path));
    }

    public void Write(string path)
    {
        var temporary = path + ".tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            JsonSerializer.Serialize(stream, this);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temporary, path, overwrite: true);
    }
}
