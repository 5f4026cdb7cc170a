using System.Security.Cryptography;
using System.Text;

namespace Crm.Sdk.Storage;

/// <summary>The ids of the core's own documents that exist once per database, derived from a name so every process agrees on them.</summary>
internal static class FixedDocumentId
{
    /// <summary>The first 16 bytes of SHA-256 of the name's UTF-8, as a version-8 (custom) GUID.</summary>
    public static Guid Of(string name)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(name), hash);
        var bytes = hash[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
