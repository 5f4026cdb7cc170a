using Crm.Sdk.Customers;
using Crm.Sdk.ProviderKit;
using Crm.Sdk.Storage;

namespace Crm.Sdk.Duplicates;

/// <summary>
/// The data upgrade that came with duplicate detection: writes the blocking keys (index <c>match_keys</c>) of every
/// customer stored before, resumably (the <see cref="DataUpgradeRunner"/> checkpoint), as
/// <see cref="CustomerNameTokenUpgrade"/> does for name tokens. A customer written with keys (body member
/// <c>matchKeys</c>, <see cref="CustomerMapping.HasMatchKeys"/>) and an erased customer are kept.
/// </summary>
/// <remarks>
/// Rewriting computes every index value afresh, with the current blind-index key; no domain event is raised and
/// <see cref="Customer.UpdatedAt"/> is left alone. Until the upgrade is complete, a customer not reached yet is missing
/// from candidate blocks (it is found once reached); <see cref="IDuplicateService.FindDuplicatesAsync"/> waits for nothing.
/// </remarks>
internal sealed class CustomerMatchKeyUpgrade(CustomerMapping mapping) : IDataUpgrade
{
    /// <summary>The upgrade's name, which also names its checkpoint.</summary>
    public const string UpgradeName = "customers-match-keys";

    /// <inheritdoc />
    public string Name => UpgradeName;

    /// <inheritdoc />
    public string Collection => CustomerMapping.CollectionName;

    /// <inheritdoc />
    public async Task<(int Changed, int Kept)> UpgradeAsync(CrmStore store, DocumentSession session, IReadOnlyList<StoredDocument> documents, CancellationToken cancellationToken)
    {
        var changed = 0;
        var kept = 0;
        foreach (var document in documents)
        {
            if (CustomerMapping.HasMatchKeys(document))
            {
                kept++;
                continue;
            }

            var customer = await store.DeserializeAsync(mapping, document, cancellationToken).ConfigureAwait(false);
            if (customer.IsErased || MatchKeys.Of(MatchProfile.Of(customer, mapping.MatchOptions)).Count == 0)
            {
                kept++;
                continue;
            }

            session.Update(mapping, customer);
            changed++;
        }

        return (changed, kept);
    }
}
