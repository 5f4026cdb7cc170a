using System.Runtime.CompilerServices;
using Crm.Sdk.ProviderKit;

namespace Crm.Sdk.PostgreSql;

/// <content>Export: every document of a collection with its index values, for migrations.</content>
public sealed partial class PostgreSqlDocumentStore
{
    /// <inheritdoc />
    public async IAsyncEnumerable<ExportedDocument> ExportAsync(string collection, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(collection);
        var model = (await GetModelAsync(cancellationToken).ConfigureAwait(false)).Get(collection);

        // One statement: one snapshot, streamed row by row by Npgsql.
        await foreach (var document in ReadAsync(model.ExportSql, [], model.ReadExported, $"exporting {collection}", cancellationToken).ConfigureAwait(false))
        {
            yield return document;
        }
    }
}
