using Crm.Sdk.ProviderKit;
using Crm.Sdk.Storage;

namespace Crm.Sdk.Customers;

/// <summary>
/// The data upgrade that came with libphonenumber: re-normalizes every stored phone number that the previous,
/// hand-written normalizer (<see cref="LegacyPhoneNormalizer"/>) wrote, and rewrites the customer's document and index
/// values (the phone blind indexes too, when encryption is on) when a number's E.164 form changed.
/// </summary>
/// <remarks>
/// <para>
/// Each phone is re-read from its <see cref="PhoneNumber.Raw"/> text, which every release stored. A national number
/// (no <c>+</c> or <c>00</c>) is read in the region of the calling code its stored E.164 form starts with, which is the
/// default calling code in force when it was written: so the result does not depend on the host's default today.
/// When libphonenumber refuses the raw text, the stored E.164 form itself is tried; when that is refused too (a number
/// the old rules let through but that no numbering plan allows), or when the new form equals another phone of the same
/// customer (<c>+44 (0)20…</c> and <c>020…</c> side by side), the phone keeps its stored form: nothing is dropped, and
/// lookups still find it through the legacy normalization (see <c>CustomerService.FindByPhoneAsync</c>).
/// </para>
/// <para>No domain event is raised and <see cref="Customer.UpdatedAt"/> is left alone: the numbers are the same, only their normal form changed.</para>
/// </remarks>
internal sealed class PhoneUpgrade(CustomerMapping mapping) : IDataUpgrade
{
    /// <summary>The upgrade's name, which also names its checkpoint.</summary>
    public const string UpgradeName = "phones-libphonenumber";

    /// <inheritdoc />
    public string Name => UpgradeName;

    /// <inheritdoc />
    public string Collection => CustomerMapping.CollectionName;

    /// <summary>The E.164 form a stored phone has after the upgrade, or <see langword="null"/> when it cannot be re-normalized.</summary>
    public static string? Renormalize(PhoneNumber stored)
    {
        var region = PhoneNumber.RegionOfE164(stored.E164);
        return PhoneNumber.Normalize(stored.Raw, region) ?? PhoneNumber.Normalize(stored.E164, null);
    }

    /// <inheritdoc />
    public async Task<(int Changed, int Kept)> UpgradeAsync(CrmStore store, DocumentSession session, IReadOnlyList<StoredDocument> documents, CancellationToken cancellationToken)
    {
        var changed = 0;
        var kept = 0;
        foreach (var document in documents)
        {
            var customer = await store.DeserializeAsync(mapping, document, cancellationToken).ConfigureAwait(false);
            if (customer.IsErased || customer.Phones.Count == 0)
            {
                continue;
            }

            var (phonesChanged, phonesKept) = customer.RenormalizePhones(Renormalize);
            kept += phonesKept;
            if (phonesChanged > 0)
            {
                session.Update(mapping, customer);
                changed++;
            }
        }

        return (changed, kept);
    }
}
