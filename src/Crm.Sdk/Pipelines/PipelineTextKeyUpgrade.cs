using Crm.Sdk.Domain;
using Crm.Sdk.ProviderKit;
using Crm.Sdk.Storage;

namespace Crm.Sdk.Pipelines;

/// <summary>
/// The data upgrade that came with <see cref="TextKey"/>: recomputes the name key (index <c>name_key</c>) of every pipeline
/// whose name has a non-ASCII character, which earlier releases lower-cased with the host's ICU (an ASCII name has the
/// same key under both rules). Raises no event and leaves <see cref="Pipeline.UpdatedAt"/> alone.
/// </summary>
internal sealed class PipelineTextKeyUpgrade(PipelineMapping mapping) : IDataUpgrade
{
    /// <summary>The upgrade's name, which also names its checkpoint.</summary>
    public const string UpgradeName = "pipelines-text-keys-nfkc-casefold";

    /// <inheritdoc />
    public string Name => UpgradeName;

    /// <inheritdoc />
    public string Collection => PipelineMapping.CollectionName;

    /// <inheritdoc />
    public async Task<(int Changed, int Kept)> UpgradeAsync(CrmStore store, DocumentSession session, IReadOnlyList<StoredDocument> documents, CancellationToken cancellationToken)
    {
        var changed = 0;
        foreach (var document in documents)
        {
            var pipeline = await store.DeserializeAsync(mapping, document, cancellationToken).ConfigureAwait(false);
            if (!TextKey.IsAscii(pipeline.Name))
            {
                session.Update(mapping, pipeline);
                changed++;
            }
        }

        return (changed, 0);
    }
}
