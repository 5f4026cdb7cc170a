using Microsoft.Data.Sqlite;

namespace Crm.Sdk.Benchmarks.Reporting;

/// <summary>The SQLite library version and database file sizes.</summary>
internal static class SqliteInfo
{
    public static string Version()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT sqlite_version()";
        return (string)command.ExecuteScalar()!;
    }

    public static long FileSize(string path) =>
        new[] { path, path + "-wal" }.Where(File.Exists).Sum(p => new FileInfo(p).Length);
}
