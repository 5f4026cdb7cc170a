namespace Crm.Sdk.Encryption;

/// <summary>
/// The AES-GCM associated data of an encrypted value:
/// <code>
/// header (17 bytes: version || data key id)
/// || u32be(len(utf8(collection))) || utf8(collection)
/// || record id (16 bytes, RFC 9562 big-endian byte order)
/// || u32be(len(utf8(field))) || utf8(field)
/// version 2 only, the record's claims (<see cref="RecordClaims"/>):
/// || u64be(record version) || customer id (16) || u32be(len(utf8(owner))) || utf8(owner) || deal id (16) || ticket id (16)
/// </code>
/// Every variable-length part is length-prefixed and every other part has a fixed size, so two different contexts
/// never encode to the same bytes. The version byte is the first byte, so a version-1 and a version-2 encoding differ.
/// </summary>
internal static class AssociatedData
{
    /// <summary>Encodes the associated data of a value in <paramref name="context"/> under <paramref name="header"/>.</summary>
    public static byte[] Encode(ReadOnlySpan<byte> header, FieldContext context)
    {
        var aad = new byte[Size(header.Length, context)];
        _ = Write(aad, header, context);
        return aad;
    }

    /// <summary>The size of the associated data of a value in <paramref name="context"/> under a header of <paramref name="headerSize"/> bytes.</summary>
    public static int Size(int headerSize, FieldContext context) =>
        headerSize
        + CryptoEncoding.LengthPrefixedSize(context.Collection)
        + CryptoEncoding.GuidSize
        + CryptoEncoding.LengthPrefixedSize(context.Field)
        + (context.Claims?.EncodedSize ?? 0);

    /// <summary>Writes the associated data into <paramref name="destination"/> (at least <see cref="Size"/> bytes) and returns its length.</summary>
    public static int Write(Span<byte> destination, ReadOnlySpan<byte> header, FieldContext context)
    {
        var size = Size(header.Length, context);
        var span = destination[..size];
        header.CopyTo(span);
        var offset = header.Length;
        offset += CryptoEncoding.WriteLengthPrefixed(span[offset..], context.Collection);
        CryptoEncoding.WriteGuid(span[offset..], context.RecordId);
        offset += CryptoEncoding.GuidSize;
        offset += CryptoEncoding.WriteLengthPrefixed(span[offset..], context.Field);
        if (context.Claims is { } claims)
        {
            offset += claims.Write(span[offset..]);
        }

        return offset == size ? size : throw new InvalidOperationException("Associated data size mismatch.");
    }
}
