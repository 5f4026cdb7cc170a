using System.Security.Cryptography;
using System.Text;

namespace Crm.Sdk.Relational;

/// <summary>
/// Provider kit: the identifier rules every relational provider follows. Collection and index names are already
/// <c>[a-z][a-z0-9_]*</c>; quoting guards keywords, and generated names (side tables, indexes, constraints) are kept
/// within a database's identifier limit the same way everywhere.
/// </summary>
public static class SqlIdentifier
{
    /// <summary>Quotes an identifier: <c>"name"</c>, with inner quotes doubled.</summary>
    /// <param name="name">The identifier.</param>
    /// <returns>The quoted identifier.</returns>
    public static string Quote(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    /// <summary>
    /// A generated name that fits in <paramref name="maxBytes"/> UTF-8 bytes: unchanged when short enough, else a prefix
    /// and eight hex digits of a SHA-256 of the whole name, so that two long names never collide by truncation and the
    /// name is the same on every run.
    /// </summary>
    /// <param name="name">The generated name.</param>
    /// <param name="maxBytes">The database's limit (63 for PostgreSQL); at least 16.</param>
    /// <returns>The bounded name.</returns>
    public static string Bounded(string name, int maxBytes)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBytes, 16);
        if (Encoding.UTF8.GetByteCount(name) <= maxBytes)
        {
            return name;
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name)))[..8];
        return name[..(maxBytes - 9)] + "_" + hash;
    }
}
