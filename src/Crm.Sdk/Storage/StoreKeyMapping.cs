using System.Security.Cryptography;
using Crm.Sdk.Encryption;
using Crm.Sdk.ProviderKit;
using Crm.Sdk.Storage.Json;
using NodaTime;

namespace Crm.Sdk.Storage;

/// <summary>
/// The core's own keys: collection <c>store_keys</c>, one document per purpose (id <see cref="FixedDocumentId.Of"/> of the
/// purpose) holding a random 32-byte key generated once per database, so that every process opening the database uses
/// the same key. Today the one purpose is <see cref="ContinuationTokens"/>, the HMAC key of <see cref="ContinuationToken"/>.
/// Providers create the collection from the schema like any other.
/// </summary>
/// <remarks>
/// A key is created race-free: the first process that needs it inserts a fresh one; an insert that finds the document
/// there already (<see cref="DuplicateKeyException"/>, another process or instance was first) reads the stored key
/// instead, so everyone ends up with the one key that was committed. The key is stored in the clear: it authenticates
/// what the database hands out, and whoever can read it can read the database itself.
/// </remarks>
internal static class StoreKeyMapping
{
    public const string CollectionName = "store_keys";

    /// <summary>The purpose of the continuation token key.</summary>
    public const string ContinuationTokens = "continuation-tokens";

    /// <summary>The size of every key, in bytes.</summary>
    public const int KeySize = 32;

    public static CollectionDefinition Collection { get; } = new(CollectionName, []);

    /// <summary>Reads the key of a purpose, creating it first if the database has none.</summary>
    /// <exception cref="CrmStorageException">The stored key document is not a key of <see cref="KeySize"/> bytes.</exception>
    public static async Task<byte[]> GetOrCreateAsync(IDocumentStore provider, string purpose, IClock clock, CancellationToken cancellationToken)
    {
        var id = FixedDocumentId.Of(purpose);
        var stored = await provider.GetAsync(CollectionName, id, cancellationToken).ConfigureAwait(false);
        if (stored is not null)
        {
            return Read(stored, purpose);
        }

        var key = RandomNumberGenerator.GetBytes(KeySize);
        var body = CrmJson.Serialize(new StoreKeyDocument(purpose, CryptoEncoding.ToBase64Url(key), clock.GetCurrentInstant()));
        try
        {
            await provider.CommitAsync([DocumentWrite.Insert(CollectionName, id, body, new IndexValues(Collection))], cancellationToken).ConfigureAwait(false);
            return key;
        }
        catch (DuplicateKeyException)
        {
            // Another process or instance created the key meanwhile: theirs is the database's key.
            CryptographicOperations.ZeroMemory(key);
        }

        stored = await provider.GetAsync(CollectionName, id, cancellationToken).ConfigureAwait(false)
            ?? throw new CrmStorageException($"The '{purpose}' key of '{CollectionName}' was reported as existing but cannot be read.", null);
        return Read(stored, purpose);
    }

    private static byte[] Read(StoredDocument document, string purpose)
    {
        var stored = CrmJson.Deserialize<StoreKeyDocument>(document.Body, CollectionName);
        return stored.Purpose == purpose && CryptoEncoding.TryFromBase64Url(stored.Key, out var key) && key.Length == KeySize
            ? key
            : throw new CrmStorageException($"The '{purpose}' key of '{CollectionName}' is not a {KeySize}-byte key.", null);
    }

    /// <summary>The stored shape of a key.</summary>
    /// <param name="Purpose">What the key is for.</param>
    /// <param name="Key">The key, base64url.</param>
    /// <param name="CreatedAt">When it was generated.</param>
    internal sealed record StoreKeyDocument(string Purpose, string Key, Instant CreatedAt);
}
