using Crm.Sdk.ProviderKit;
using Crm.Sdk.Storage.Json;
using NodaTime;

namespace Crm.Sdk.Encryption;

/// <summary>
/// The <c>data_keys</c> collection: one document per customer data key (id = the key id), holding the key wrapped by a
/// key-encryption key and never the key itself (FORMAT.md, "data_keys document"). Erasing a customer overwrites the
/// wrapped key with nothing. Member <c>format</c> is 2 for keys wrapped with their ids (absent: format 1).
/// </summary>
internal static class DataKeyMapping
{
    public const string CollectionName = "data_keys";
    public const string CustomerIdIndex = "customer_id";
    public const string RootKeyIdIndex = "root_key_id";
    public const string ErasedIndex = "erased";

    /// <summary>1 for a key replaced by data re-encryption: kept (wrapped) so values written meanwhile stay readable, never used for new values.</summary>
    public const string RetiredIndex = "retired";

    public static CollectionDefinition Collection { get; } = new(
        CollectionName,
        [
            new IndexDefinition(CustomerIdIndex, IndexValueType.Uuid),
            new IndexDefinition(RootKeyIdIndex, IndexValueType.Text),
            new IndexDefinition(ErasedIndex, IndexValueType.WholeNumber),
            new IndexDefinition(RetiredIndex, IndexValueType.WholeNumber),
        ]);

    public static DocumentWrite Insert(Guid customerId, WrappedDataKey key) =>
        DocumentWrite.Insert(CollectionName, key.DataKeyId, CrmJson.Serialize(ToDocument(customerId, key, retired: false)), Indexes(customerId, key.RootKeyId, erased: false, retired: false));

    public static DocumentWrite Rewrap(StoredDocument document, WrappedDataKey key)
    {
        var stored = Read(document);
        return DocumentWrite.Update(CollectionName, document.Id, document.Version, CrmJson.Serialize(ToDocument(stored.CustomerId, key, stored.Retired)), Indexes(stored.CustomerId, key.RootKeyId, erased: false, stored.Retired));
    }

    public static DocumentWrite Retire(StoredDocument document)
    {
        var stored = Read(document) with { Retired = true };
        return DocumentWrite.Update(CollectionName, document.Id, document.Version, CrmJson.Serialize(stored), Indexes(stored.CustomerId, stored.RootKeyId, erased: false, retired: true));
    }

    public static DocumentWrite Erase(StoredDocument document, Guid customerId, Instant erasedAt) =>
        DocumentWrite.Update(
            CollectionName,
            document.Id,
            document.Version,
            CrmJson.Serialize(new DataKeyDocument(customerId, null, null, Read(document).CreatedAt, erasedAt, Retired: true, Format: null)),
            Indexes(customerId, null, erased: true, retired: true));

    public static DataKeyDocument Read(StoredDocument document) => CrmJson.Deserialize<DataKeyDocument>(document.Body, CollectionName);

    private static DataKeyDocument ToDocument(Guid customerId, WrappedDataKey key, bool retired) =>
        new(customerId, key.RootKeyId, Convert.ToBase64String(key.WrappedKey), key.CreatedAt, null, retired, key.Format == 1 ? null : key.Format);

    private static IndexValues Indexes(Guid customerId, string? rootKeyId, bool erased, bool retired) => new IndexValues(Collection)
        .Set(CustomerIdIndex, customerId)
        .Set(RootKeyIdIndex, rootKeyId)
        .Set(ErasedIndex, IndexConversions.ToIndex(erased))
        .Set(RetiredIndex, IndexConversions.ToIndex(retired));

    /// <summary>The stored shape of a data key.</summary>
    /// <param name="CustomerId">The customer the key belongs to.</param>
    /// <param name="RootKeyId">The id of the key-encryption key that wrapped it; null once erased.</param>
    /// <param name="WrappedKey">The wrapped key, standard base64 with padding; null once erased.</param>
    /// <param name="CreatedAt">When the data key was created.</param>
    /// <param name="ErasedAt">When the customer was erased, if it was.</param>
    /// <param name="Retired">Whether the key was replaced by data re-encryption.</param>
    /// <param name="Format">2 for a key wrapped with its ids; absent (null) for format 1.</param>
    internal sealed record DataKeyDocument(Guid CustomerId, string? RootKeyId, string? WrappedKey, Instant CreatedAt, Instant? ErasedAt, bool Retired = false, int? Format = null)
    {
        /// <exception cref="CrmStorageException">The stored format is unknown, or the wrapped key is not base64.</exception>
        public WrappedDataKey? ToWrapped(Guid dataKeyId)
        {
            if (RootKeyId is null || WrappedKey is null)
            {
                return null;
            }

            var format = Format ?? 1;
            if (format is not (1 or WrappedDataKey.CurrentFormat))
            {
                throw new CryptographicIntegrityException(
                    CryptographicIntegrityFailure.UnsupportedVersion,
                    $"Data key {dataKeyId} is stored in wrapped-key format {format}; this version of Crm.Sdk reads formats 1 and {WrappedDataKey.CurrentFormat}.")
                {
                    KeyId = dataKeyId.ToString(),
                };
            }

            byte[] wrapped;
            try
            {
                wrapped = Convert.FromBase64String(WrappedKey);
            }
            catch (FormatException e)
            {
                throw new CryptographicIntegrityException(CryptographicIntegrityFailure.KeyUnwrapFailed, $"Data key {dataKeyId}: the stored wrapped key is not base64.", e)
                {
                    KeyId = dataKeyId.ToString(),
                };
            }

            return new WrappedDataKey(dataKeyId, CustomerId, RootKeyId, wrapped, CreatedAt, format);
        }
    }
}
