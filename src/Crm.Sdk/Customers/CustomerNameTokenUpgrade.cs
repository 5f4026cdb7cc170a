using Crm.Sdk.Domain;
using Crm.Sdk.ProviderKit;
using Crm.Sdk.Storage;

namespace Crm.Sdk.Customers;

/// <summary>
/// The data upgrade that came with name tokens counted in text elements (<see cref="NameTokens"/>): re-indexes the
/// encrypted-name prefixes (index <c>name_tokens</c>) of every customer whose tokens under the new rules differ from the
/// ones earlier releases wrote, which cut the name key by UTF-16 code unit and split words at spaces only.
/// </summary>
/// <remarks>
/// <para>
/// Only databases whose display names are encrypted hold name tokens: with names in clear the upgrade examines the
/// customers and rewrites none (the name key, index <c>name_key</c>, did not change). With encrypted names, a customer
/// is rewritten when its display name is not ASCII and the token set of its name key under the earlier rules
/// (<see cref="LegacyPrefixes"/>) differs from the current one: a name with a combining mark that does not compose, an
/// emoji sequence, a character outside the BMP, a CJK character (which now has a one-element token) or a change between
/// CJK and other script inside a word. An ASCII name has the same tokens under both rules and is not rewritten.
/// </para>
/// <para>
/// The stored tokens cannot be read back from the document, so the comparison is between the two rules, not with what
/// is stored: a run repeated from scratch rewrites the same customers again (harmless; the checkpoint prevents it).
/// Rewriting computes every index value afresh, with the current blind-index key. No domain event is raised and
/// <see cref="Customer.UpdatedAt"/> is left alone. Until the upgrade is complete, a name search also looks up the
/// prefix as earlier releases cut it (<see cref="LegacyLookupPrefix"/>), so that a customer not reached yet is still found
/// by every search that found it before.
/// </para>
/// </remarks>
internal sealed class CustomerNameTokenUpgrade(CustomerMapping mapping) : IDataUpgrade
{
    /// <summary>The upgrade's name, which also names its checkpoint.</summary>
    public const string UpgradeName = "customers-name-tokens-text-elements";

    /// <inheritdoc />
    public string Name => UpgradeName;

    /// <inheritdoc />
    public string Collection => CustomerMapping.CollectionName;

    /// <summary>The name tokens earlier releases indexed: prefixes of 2 to 16 UTF-16 units (one less rather than half a surrogate pair) of the key and of each word split at spaces.</summary>
    /// <param name="nameKey">The name key.</param>
    /// <returns>The tokens, each once.</returns>
    public static IEnumerable<string> LegacyPrefixes(string nameKey) =>
        nameKey.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Prepend(nameKey)
            .SelectMany(word => Enumerable.Range(CustomerMapping.MinNamePrefix, Math.Max(0, Math.Min(word.Length, CustomerMapping.MaxNamePrefix) - CustomerMapping.MinNamePrefix + 1))
                .Select(n => word[..LegacyCut(word, n)]))
            .Where(prefix => prefix.Length >= CustomerMapping.MinNamePrefix)
            .Distinct(StringComparer.Ordinal);

    /// <summary>The part of a searched prefix key earlier releases looked up: its first 16 UTF-16 units (15 rather than half a surrogate pair).</summary>
    /// <param name="prefixKey">The key of the searched prefix.</param>
    /// <returns>The prefix as earlier releases cut it.</returns>
    public static string LegacyLookupPrefix(string prefixKey) =>
        prefixKey.Length > CustomerMapping.MaxNamePrefix ? prefixKey[..LegacyCut(prefixKey, CustomerMapping.MaxNamePrefix)] : prefixKey;

    /// <summary>Whether the current rules index other tokens for a name key than the earlier ones did.</summary>
    /// <param name="nameKey">The name key.</param>
    /// <returns>Whether a customer with that key needs re-indexing.</returns>
    public static bool TokensChanged(string nameKey) =>
        !TextKey.IsAscii(nameKey) && !NameTokens.Prefixes(nameKey).ToHashSet(StringComparer.Ordinal).SetEquals(LegacyPrefixes(nameKey));

    /// <inheritdoc />
    public async Task<(int Changed, int Kept)> UpgradeAsync(CrmStore store, DocumentSession session, IReadOnlyList<StoredDocument> documents, CancellationToken cancellationToken)
    {
        if (!store.Protector.IsEncrypted(CustomerMapping.CollectionName, CustomerMapping.DisplayNameField))
        {
            return (0, 0);
        }

        var changed = 0;
        foreach (var document in documents)
        {
            var customer = await store.DeserializeAsync(mapping, document, cancellationToken).ConfigureAwait(false);
            if (!customer.IsErased && TokensChanged(CustomerMapping.NameKey(customer.DisplayName)))
            {
                session.Update(mapping, customer);
                changed++;
            }
        }

        return (changed, 0);
    }

    private static int LegacyCut(string text, int length) =>
        length < text.Length && char.IsHighSurrogate(text[length - 1]) && char.IsLowSurrogate(text[length]) ? length - 1 : length;
}
