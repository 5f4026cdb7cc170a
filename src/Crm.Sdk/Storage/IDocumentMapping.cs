using Crm.Sdk.Encryption;
using Crm.Sdk.ProviderKit;

namespace Crm.Sdk.Storage;

/// <summary>
/// How one aggregate type becomes a document: its collection with the declared indexes, its body, and its
/// index values. One mapping per aggregate, next to the aggregate's folder, so that a provider never sees a domain type.
/// Personal fields go through the <see cref="FieldProtector"/>, which encrypts them when field encryption is on.
/// </summary>
/// <typeparam name="T">The aggregate type.</typeparam>
internal interface IDocumentMapping<T>
    where T : class
{
    /// <summary>The collection and its index declarations.</summary>
    CollectionDefinition Collection { get; }

    /// <summary>The display name of the entity type in errors, for example <c>Customer</c>.</summary>
    string EntityName { get; }

    /// <summary>The aggregate's id as a GUID.</summary>
    Guid GetId(T aggregate);

    /// <summary>The customer whose data key protects the aggregate's personal fields, or <see langword="null"/> when it has none.</summary>
    Guid? GetOwnerId(T aggregate);

    /// <summary>The aggregate's version (0 when new).</summary>
    long GetVersion(T aggregate);

    /// <summary>Stores the version after a save.</summary>
    void SetVersion(T aggregate, long version);

    /// <summary>Serializes the aggregate to its document body, sealing personal fields.</summary>
    string Serialize(T aggregate, FieldProtector protector);

    /// <summary>Restores the aggregate from a stored document (version included), opening sealed fields.</summary>
    T Deserialize(StoredDocument document, FieldProtector protector);

    /// <summary>Extracts the index values declared by <see cref="Collection"/> (blind indexes for encrypted searchable fields).</summary>
    IndexValues GetIndexValues(T aggregate, FieldProtector protector);

    /// <summary>
    /// The value an aggregate holds for an index its record seal binds (customer, owner, assignee, links: see
    /// <see cref="RecordClaims"/>), so that a record found through that index can be checked to hold it; <see langword="false"/>
    /// for any other index.
    /// </summary>
    bool TryGetClaim(T aggregate, string index, out object? value);
}
