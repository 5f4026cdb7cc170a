namespace Crm.Sdk.Encryption;

/// <summary>
/// What a record claims about where it shows up and whose key protects it, bound by a version-2 record seal
/// (<see cref="AssociatedData"/>): the version it is written as, its customer, its owner (a customer's or deal's owner,
/// a ticket's assignee) and its links (an interaction's deal and ticket). Moving a record to another customer, relinking
/// or reassigning it in the database, or putting back an older seal, then fails authentication.
/// </summary>
/// <param name="Version">The record's version: the one it is written as (1 when inserted, one more on each update).</param>
/// <param name="CustomerId">The customer the record belongs to (a customer record: its own id).</param>
/// <param name="OwnerId">The owner or assignee, or <see langword="null"/> (bound as the empty text).</param>
/// <param name="DealId">The linked deal, or <see langword="null"/> (bound as 16 zero bytes).</param>
/// <param name="TicketId">The linked ticket, or <see langword="null"/> (bound as 16 zero bytes).</param>
internal readonly record struct RecordClaims(long Version, Guid CustomerId, string? OwnerId = null, Guid? DealId = null, Guid? TicketId = null)
{
    /// <summary>The size of the claims in the associated data.</summary>
    public int EncodedSize => sizeof(long) + (3 * CryptoEncoding.GuidSize) + CryptoEncoding.LengthPrefixedSize(OwnerId ?? string.Empty);

    /// <summary>Writes <c>u64be(version) || guid(customer) || LP(owner) || guid(deal) || guid(ticket)</c> and returns its length.</summary>
    public int Write(Span<byte> destination)
    {
        System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(destination, Version);
        var offset = sizeof(long);
        CryptoEncoding.WriteGuid(destination[offset..], CustomerId);
        offset += CryptoEncoding.GuidSize;
        offset += CryptoEncoding.WriteLengthPrefixed(destination[offset..], OwnerId ?? string.Empty);
        CryptoEncoding.WriteGuid(destination[offset..], DealId ?? Guid.Empty);
        offset += CryptoEncoding.GuidSize;
        CryptoEncoding.WriteGuid(destination[offset..], TicketId ?? Guid.Empty);
        return offset + CryptoEncoding.GuidSize;
    }
}
