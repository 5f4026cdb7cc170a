namespace Crm.Sdk.ProviderKit;

/// <summary>A document as the provider stores it.</summary>
/// <param name="Id">The record id.</param>
/// <param name="Version">The version, 1 after insert and one more after each update.</param>
/// <param name="Body">The serialized aggregate (UTF-16 JSON text; personal fields already encrypted when encryption is on).</param>
public sealed record StoredDocument(Guid Id, long Version, string Body)
{
    /// <summary>
    /// The value of the query's <see cref="DocumentQuery.OrderBy"/> index for this document, filled by
    /// <see cref="IDocumentStore.QueryAsync"/> so the caller can build a <see cref="KeysetPosition"/>.
    /// </summary>
    public object? SortValue { get; init; }
}
