namespace Crm.Sdk.Cli;

/// <summary>
/// Where <c>--store</c> points: a PostgreSQL database, given as a URI (<c>postgres://user:password@host:port/database</c>
/// or <c>postgresql://…</c>) or as a connection string after <c>postgres:</c>; anything else is the path of a SQLite file,
/// which must exist (the tool never creates an empty store by mistake).
/// </summary>
/// <param name="IsPostgreSql">Whether the store is PostgreSQL.</param>
/// <param name="ConnectionStringOrPath">The Npgsql connection string, or the SQLite file's full path.</param>
internal sealed record StoreLocation(bool IsPostgreSql, string ConnectionStringOrPath)
{
    private const string Prefix = "postgres:";

    /// <summary>Reads the <c>--store</c> value.</summary>
    /// <param name="value">The value.</param>
    /// <param name="create">Whether a SQLite file that does not exist is accepted (it is created when the store is opened).</param>
    /// <returns>The location.</returns>
    /// <exception cref="CliException">The value is empty, a malformed URI, or a SQLite file that does not exist (unless <paramref name="create"/>).</exception>
    public static StoreLocation Parse(string? value, bool create = false)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new CliException(ExitCodes.BadArguments, $"No store given: pass --store <file.db> (SQLite) or --store postgres://user:password@host/database, or set {GlobalOptions.StoreVariable}.");
        }

        if (value.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || value.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
        {
            return new StoreLocation(true, FromUri(value));
        }

        if (value.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            var connectionString = value[Prefix.Length..].Trim();
            return connectionString.Length == 0
                ? throw new CliException(ExitCodes.BadArguments, "'postgres:' must be followed by a connection string, for example postgres:Host=localhost;Database=crm;Username=crm.")
                : new StoreLocation(true, connectionString);
        }

        var path = Path.GetFullPath(value);
        return File.Exists(path) || (create && Directory.Exists(Path.GetDirectoryName(path)))
            ? new StoreLocation(false, path)
            : throw new CliException(ExitCodes.StoreUnreadable, $"No store file at '{path}': check the path given with --store (the tool opens existing stores only; 'crm import --create-store' creates a new one).");
    }

    /// <inheritdoc />
    public override string ToString() => IsPostgreSql ? "the PostgreSQL store" : $"the store file '{ConnectionStringOrPath}'";

    private static string FromUri(string value)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host) || uri.AbsolutePath.Trim('/').Length == 0)
        {
            throw new CliException(ExitCodes.BadArguments, $"'{Redact(value)}' is not a PostgreSQL URI: write postgres://user:password@host:port/database.");
        }

        var parts = new List<string> { $"Host={uri.Host}", $"Database={Uri.UnescapeDataString(uri.AbsolutePath.Trim('/'))}" };
        if (!uri.IsDefaultPort && uri.Port > 0)
        {
            parts.Add($"Port={uri.Port}");
        }

        if (uri.UserInfo.Length > 0)
        {
            var separator = uri.UserInfo.IndexOf(':', StringComparison.Ordinal);
            parts.Add($"Username={Quote(Uri.UnescapeDataString(separator < 0 ? uri.UserInfo : uri.UserInfo[..separator]))}");
            if (separator >= 0)
            {
                parts.Add($"Password={Quote(Uri.UnescapeDataString(uri.UserInfo[(separator + 1)..]))}");
            }
        }

        return string.Join(';', parts);
    }

    private static string Quote(string value) => value.Contains(';', StringComparison.Ordinal) || value.Contains('\'', StringComparison.Ordinal)
        ? "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'"
        : value;

    private static string Redact(string value)
    {
        var at = value.LastIndexOf('@');
        var scheme = value.IndexOf("://", StringComparison.Ordinal);
        return at > scheme && scheme >= 0 ? value[..(scheme + 3)] + "***" + value[at..] : value;
    }
}
