using Crm.Sdk.Customers;
using NodaTime;

namespace Crm.Sdk.Duplicates;

/// <summary>
/// The survivorship rules of a merge: builds the survivor's new state from both customers. Single-valued fields by
/// <see cref="MergeOptions.Survivorship"/>; emails, phones, addresses, tags and external ids keep the values of both
/// (survivor's first, each once; the survivor's primary email stays primary); custom fields field by field; consent
/// histories combined in time order, and for each channel where either customer's latest decision was a withdrawal
/// while the combined latest is a grant, a withdrawal is recorded at the merge (source <c>merge</c>): the most
/// restrictive consent wins. The survivor keeps its id, kind, owner (or takes the duplicate's when it has none) and
/// creation time.
/// </summary>
internal static class CustomerMerger
{
    /// <summary>The consent source of a withdrawal the merge records.</summary>
    public const string ConsentSource = "merge";

    /// <summary>The merged survivor (not yet saved), at the survivor's version.</summary>
    /// <exception cref="DomainRuleException">A limit is exceeded (<c>merge-too-many-values</c>).</exception>
    public static Customer Merge(Customer survivor, Customer duplicate, MergeOptions options, Instant now)
    {
        var duplicateWins = DuplicateWins(survivor, duplicate, options);
        T? Pick<T>(T? s, T? d)
            where T : class => duplicateWins ? d ?? s : s ?? d;

        var personName = Pick(survivor.PersonName, duplicate.PersonName);
        var displayName = duplicateWins ? duplicate.DisplayName : survivor.DisplayName;

        var emails = survivor.Emails.Concat(duplicate.Emails.Where(e => survivor.Emails.All(s => s.Address.Normalized != e.Address.Normalized)).Select(e => e with { IsPrimary = survivor.PrimaryEmail is null && e.IsPrimary })).ToList();
        var phones = survivor.Phones.Concat(duplicate.Phones.Where(p => survivor.Phones.All(s => s.Number.E164 != p.Number.E164))).ToList();
        var addresses = survivor.Addresses.Concat(duplicate.Addresses.Where(a => !survivor.Addresses.Contains(a))).ToList();
        var tags = survivor.Tags.Union(duplicate.Tags, StringComparer.Ordinal).ToList();
        var externalIds = survivor.ExternalIds.Concat(duplicate.ExternalIds.Where(e => survivor.ExternalIds.All(s => s.Key != e.Key))).ToList();
        ThrowIfOver("Emails", emails.Count, Customer.MaxContacts);
        ThrowIfOver("Phones", phones.Count, Customer.MaxContacts);
        ThrowIfOver("Addresses", addresses.Count, Customer.MaxContacts);
        ThrowIfOver("Tags", tags.Count, Customer.MaxTags);

        var customFields = new SortedDictionary<string, CustomFieldValue>(StringComparer.Ordinal);
        foreach (var key in survivor.CustomFields.Keys.Union(duplicate.CustomFields.Keys))
        {
            customFields[key] = Pick(survivor.CustomFields.GetValueOrDefault(key), duplicate.CustomFields.GetValueOrDefault(key))!;
        }

        var history = survivor.ConsentHistory.Select((c, i) => (c, i)).Concat(duplicate.ConsentHistory.Select((c, i) => (c, i: i + 100_000)))
            .OrderBy(x => x.c.At).ThenBy(x => x.i).Select(x => x.c).ToList();
        foreach (var channel in history.Select(c => c.Channel).Distinct().ToList())
        {
            var latest = history.Last(c => c.Channel == channel);
            var withdrawn = new[] { survivor, duplicate }.Any(c => c.Consents.TryGetValue(channel, out var own) && own.Status == ConsentStatus.Withdrawn);
            if (withdrawn && latest.Status == ConsentStatus.Granted)
            {
                history.Add(new ConsentRecord(channel, ConsentStatus.Withdrawn, now > latest.At ? now : latest.At, ConsentSource));
            }
        }

        return Customer.Restore(
            survivor.Id,
            survivor.Version,
            survivor.Kind,
            displayName,
            personName,
            Pick(survivor.CompanyName, duplicate.CompanyName),
            emails,
            phones,
            addresses,
            tags,
            customFields,
            duplicateWins ? duplicate.LifecycleStage : survivor.LifecycleStage,
            survivor.OwnerId ?? duplicate.OwnerId,
            externalIds,
            history,
            survivor.CreatedAt,
            survivor.UpdatedAt);
    }

    private static bool DuplicateWins(Customer survivor, Customer duplicate, MergeOptions options) => options.Survivorship switch
    {
        Survivorship.MostRecent => duplicate.UpdatedAt > survivor.UpdatedAt,
        Survivorship.PreferredSource when options.PreferredSource is { } source =>
            !HasSource(survivor, source) && HasSource(duplicate, source),
        _ => false,
    };

    private static bool HasSource(Customer customer, string source) =>
        customer.ExternalIds.Any(e => e.Source == ExternalId.NormalizeSource(source));

    private static void ThrowIfOver(string field, int count, int max)
    {
        if (count > max)
        {
            throw new DomainRuleException("merge-too-many-values", $"The merged customer would have {count} {field.ToLowerInvariant()}; at most {max} are allowed. Remove some from either customer first.");
        }
    }
}
