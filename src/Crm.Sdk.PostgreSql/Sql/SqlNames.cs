using System.Security.Cryptography;
using System.Text;

namespace Crm.Sdk.PostgreSql.Sql;

/// <summary>Quotes identifiers and keeps generated names within PostgreSQL's 63-byte limit.</summary>
internal static class SqlNames
{
    /// <summary>PostgreSQL truncates longer identifiers (NAMEDATALEN - 1).</summary>
    public const int MaxLength = 63;

    /// <summary>Quotes an identifier: <c>"name"</c>, with inner quotes doubled.</summary>
    public static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>
    /// A generated name (table, index, constraint) that fits in 63 bytes: unchanged when short enough, else a prefix and
    /// a hash of the whole name, so that two long names never collide by truncation and the name is the same on every run.
    /// </summary>
    public static string Bounded(string name)
    {
        if (Encoding.UTF8.GetByteCount(name) <= MaxLength)
        {
            return name;
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name)))[..8];
        return name[..(MaxLength - 9)] + "_" + hash;
    }
}
