using Crm.Sdk.Domain;
using Crm.Sdk.ProviderKit;
using Crm.Sdk.Storage;

namespace Crm.Sdk.Customers;

/// <summary>
/// The data upgrade that came with <see cref="TextKey"/> (Unicode NFKC_Casefold from ICU4N's data, the same on every
/// host): recomputes the text keys of every customer stored by earlier releases, whose keys came from .NET's
/// globalization and so depended on the host's ICU and globalization mode (in invariant mode, <c>Ｆｏｏ Bar</c> was keyed
/// <c>ｆｏｏ bar</c> and not found by <c>foo</c>).
/// </summary>
/// <remarks>
/// <para>
/// What changes: the name key (index <c>name_key</c>) or, with encrypted names, the blind-indexed name prefixes
/// (<c>name_tokens</c>); the normalized email addresses (index <c>emails</c>, blind indexes when encrypted); and the tags,
/// which are stored in their normalized form in the document and in index <c>tags</c>. Tags that become equal (<c>vip</c>
/// and <c>ｖｉｐ</c>) are merged; a tag that the new rule refuses (too long once folded) keeps its stored form and is
/// counted as kept. Blind-index key derivation is unchanged: only its input, the key text, changed.
/// </para>
/// <para>
/// The keys stored in index columns cannot be read back from the document, so a customer is rewritten when its keys may
/// have changed: when its display name or one of its email addresses has a non-ASCII character (an ASCII text has the
/// same key under the old and the new rule, in every mode: it is lower-cased), or when a tag changes. Rewriting computes
/// every index value afresh, with the current blind-index key. No domain event is raised and
/// <see cref="Customer.UpdatedAt"/> is left alone: the customer is the same, only its keys changed.
/// </para>
/// </remarks>
internal sealed class CustomerTextKeyUpgrade(CustomerMapping mapping) : IDataUpgrade
{
    /// <summary>The upgrade's name, which also names its checkpoint.</summary>
    public const string UpgradeName = "customers-text-keys-nfkc-casefold";

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
            var customer = await store.DeserializeAsync(mapping, document, cancellationToken).ConfigureAwait(false);
            var (tagsChanged, tagsKept) = customer.RenormalizeTags(CustomerTag.TryNormalize);
            kept += tagsKept;
            var keysMayDiffer = !customer.IsErased
                && (!TextKey.IsAscii(customer.DisplayName) || customer.Emails.Any(e => !TextKey.IsAscii(e.Address.Value)));
            if (tagsChanged > 0 || keysMayDiffer)
            {
                session.Update(mapping, customer);
                changed++;
            }
        }

        return (changed, kept);
    }
}
