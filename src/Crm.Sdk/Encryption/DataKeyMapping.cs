using Crm.Sdk.Storage;
using Crm.Sdk.Storage.Json;
using NodaTime;

namespace Crm.Sdk.Encryption;

/// <summary>
/// The <c>data_keys</c> collection: one document per customer data key (id = the key id), holding the key wrapped by a
/// root key (RFC 5649) and never the key itself. Erasing a customer overwrites the wrapped key with nothing.
/// </summary>
internal static class DataKeyMapping
{
    public const string CollectionName = "data_keys";
    public const string CustomerIdIndex = "customer_id";
    public const string RootKeyIdIndex = "root_key_id";
    public const string ErasedIndex = "erased";

    public static CollectionDefinition Collection { get; } = new(
        CollectionName,
        [
            new IndexDefinition(CustomerIdIndex, IndexValueType.Uuid, isUnique: true),
            new IndexDefinition(RootKeyIdIndex, IndexValueType.Text),
            new IndexDefinition(ErasedIndex, IndexValueType.WholeNumber),
        ]);

    public static DocumentWrite Insert(Guid customerId, WrappedDataKey key) =>
        DocumentWrite.Insert(CollectionName, key.DataKeyId, CrmJson.Serialize(ToDocument(customerId, key, null)), Indexes(customerId, key.RootKeyId, erased: false));

    public static DocumentWrite Rewrap(StoredDocument document, Guid customerId, WrappedDataKey key) =>
        DocumentWrite.Update(CollectionName, document.Id, document.Version, CrmJson.Serialize(ToDocument(customerId, key, null)), Indexes(customerId, key.RootKeyId, erased: false));

    public static DocumentWrite Erase(StoredDocument document, Guid customerId, Instant erasedAt) =>
        DocumentWrite.Update(
            CollectionName,
            document.Id,
            document.Version,
            CrmJson.Serialize(new DataKeyDocument(customerId, null, null, Read(document).CreatedAt, erasedAt)),
            Indexes(customerId, null, erased: true));

    public static DataKeyDocument Read(StoredDocument document) => CrmJson.Deserialize<DataKeyDocument>(document.Body, CollectionName);

    private static DataKeyDocument ToDocument(Guid customerId, WrappedDataKey key, Instant? erasedAt) =>
        new(customerId, key.RootKeyId, Convert.ToBase64String(key.WrappedKey), key.CreatedAt, erasedAt);

    private static IndexValues Indexes(Guid customerId, string? rootKeyId, bool erased) => new IndexValues()
        .Set(CustomerIdIndex, customerId)
        .Set(RootKeyIdIndex, rootKeyId)
        .Set(ErasedIndex, IndexConversions.ToIndex(erased));

    /// <summary>The stored shape of a data key.</summary>
    internal sealed record DataKeyDocument(Guid CustomerId, string? RootKeyId, string? WrappedKey, Instant CreatedAt, Instant? ErasedAt)
    {
        public WrappedDataKey? ToWrapped(Guid dataKeyId) =>
            RootKeyId is null || WrappedKey is null ? null : new WrappedDataKey(dataKeyId, RootKeyId, Convert.FromBase64String(WrappedKey), CreatedAt);
    }
}
