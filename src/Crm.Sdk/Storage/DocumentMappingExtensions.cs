using Crm.Sdk.Encryption;
using Crm.Sdk.ProviderKit;

namespace Crm.Sdk.Storage;

/// <summary>The mappings without encryption, for tests and tools.</summary>
internal static class DocumentMappingExtensions
{
    public static string Serialize<T>(this IDocumentMapping<T> mapping, T aggregate)
        where T : class => mapping.Serialize(aggregate, FieldProtector.Plain);

    public static T Deserialize<T>(this IDocumentMapping<T> mapping, StoredDocument document)
        where T : class => mapping.Deserialize(document, FieldProtector.Plain);

    public static IndexValues GetIndexValues<T>(this IDocumentMapping<T> mapping, T aggregate)
        where T : class => mapping.GetIndexValues(aggregate, FieldProtector.Plain);
}
