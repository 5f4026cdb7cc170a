namespace Crm.Sdk.Customers;

/// <summary>
/// The host's rules that customer validation needs: the custom field definitions and the default region of phone
/// numbers written without a country calling code. Supplied by the SDK from its options.
/// </summary>
internal sealed class CustomerPolicy
{
    private readonly Dictionary<string, CustomFieldDefinition> _byKey;

    /// <summary>Creates a policy.</summary>
    /// <param name="customFields">The custom field definitions; keys must be distinct.</param>
    /// <param name="defaultPhoneRegion">The region of national phone numbers: an ISO 3166-1 alpha-2 code (<c>GB</c>, <c>CN</c>) or a
    /// country calling code (<c>44</c>, <c>86</c>), or <see langword="null"/> to require international numbers (see <see cref="CrmOptions.DefaultPhoneRegion"/>).</param>
    /// <exception cref="CrmConfigurationException">Two definitions share a key, or the default phone region is neither a region nor a country calling code.</exception>
    public CustomerPolicy(IEnumerable<CustomFieldDefinition>? customFields = null, string? defaultPhoneRegion = null)
    {
        var definitions = (customFields ?? []).ToArray();
        var duplicate = definitions.GroupBy(d => d.Key, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new CrmConfigurationException($"Custom field '{duplicate.Key}' is defined more than once.");
        }

        if (!PhoneNumber.TryResolveRegion(defaultPhoneRegion, out var region, out var error))
        {
            throw new CrmConfigurationException("The default phone region " + error);
        }

        CustomFields = definitions;
        DefaultPhoneRegion = region;
        _byKey = definitions.ToDictionary(d => d.Key, StringComparer.Ordinal);
    }

    /// <summary>A policy without custom fields or default phone region.</summary>
    public static CustomerPolicy Default { get; } = new();

    /// <summary>The custom field definitions.</summary>
    public IReadOnlyList<CustomFieldDefinition> CustomFields { get; }

    /// <summary>
    /// The region national phone numbers are read in, as an upper-case ISO 3166-1 alpha-2 code (a calling code given
    /// in the options is stored as its country's main region: <c>44</c> as <c>GB</c>, <c>1</c> as <c>US</c>), or <see langword="null"/>.
    /// </summary>
    public string? DefaultPhoneRegion { get; }

    /// <summary>Finds a custom field definition.</summary>
    /// <param name="key">The key.</param>
    /// <returns>The definition, or <see langword="null"/> when the host defines no such field.</returns>
    public CustomFieldDefinition? FindCustomField(string key) => _byKey.GetValueOrDefault(key);
}
