namespace Crm.Sdk.Sqlite.Sql;

/// <summary>
/// GUIDs are stored as 16 bytes in big-endian (RFC 9562) order, so that comparing the BLOBs byte by byte orders
/// them as <see cref="Guid.CompareTo(Guid)"/> does, and version 7 GUIDs sort by creation time.
/// </summary>
internal static class GuidBytes
{
    public static byte[] ToBytes(Guid value) => value.ToByteArray(bigEndian: true);

    public static Guid FromBytes(byte[] bytes) => new(bytes, bigEndian: true);
}
