using System.Text;

namespace Crm.Sdk.Sqlite.Tests.Encryption;

/// <summary>Reads the bytes a database leaves on disk (the file and its write-ahead log) and looks for text in them.</summary>
internal static class RawFile
{
    /// <summary>The bytes of the database file and of its <c>-wal</c> and <c>-journal</c> files, read while others may hold them open.</summary>
    public static IReadOnlyList<(string File, byte[] Bytes)> ReadAll(string databasePath) =>
        [.. new[] { databasePath, databasePath + "-wal", databasePath + "-journal" }.Where(File.Exists).Select(p => (Path.GetFileName(p), ReadShared(p)))];

    /// <summary>The texts whose UTF-8 bytes, as given or lower-cased, are in the database file or its logs.</summary>
    public static IReadOnlyList<string> FindTexts(string databasePath, IEnumerable<string> texts)
    {
        var files = ReadAll(databasePath);
        return [.. texts.Distinct(StringComparer.Ordinal).Where(t =>
            files.Any(f => Contains(f.Bytes, t) || Contains(f.Bytes, t.ToLowerInvariant())))];
    }

    /// <summary>The byte strings found in the database file or its logs.</summary>
    public static IReadOnlyList<string> Find(IReadOnlyList<(string File, byte[] Bytes)> files, IEnumerable<(string Name, byte[] Needle)> needles)
    {
        var found = new List<string>();
        foreach (var (name, needle) in needles)
        {
            var where = files.Where(f => f.Bytes.AsSpan().IndexOf(needle) >= 0).Select(f => f.File).ToArray();
            if (where.Length > 0)
            {
                found.Add($"{name} (in {string.Join(", ", where)})");
            }
        }

        return found;
    }

    private static bool Contains(byte[] haystack, string text) => haystack.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0;

    private static byte[] ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
