namespace Crm.Sdk.Customers;

/// <summary>
/// The host's rules that customer validation needs: the custom field definitions and the default country calling
/// code for phone numbers written without one. Supplied by the SDK from its options.
/// </summary>
internal sealed class CustomerPolicy
{
    private readonly Dictionary<string, CustomFieldDefinition> _byKey;

    /// <summary>Creates a policy.</summary>
    /// <param name="customFields">The custom field definitions; keys must be distinct.</param>
    /// <param name="defaultCountryCallingCode">The calling code for national numbers (1–3 digits, for example <c>44</c>), or <see langword="null"/> to require international numbers.</param>
    /// <exception cref="CrmConfigurationException">Two definitions share a key, or the calling code is not 1–3 digits.</exception>
    public CustomerPolicy(IEnumerable<CustomFieldDefinition>? customFields = null, string? defaultCountryCallingCode = null)
    {
        var definitions = (customFields ?? []).ToArray();
        var duplicate = definitions.GroupBy(d => d.Key, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new CrmConfigurationException($"Custom field '{duplicate.Key}' is defined more than once.");
        }

        var code = defaultCountryCallingCode?.Trim().TrimStart('+');
        if (!string.IsNullOrEmpty(code) && !PhoneNumber.IsCountryCallingCode(code))
        {
            throw new CrmConfigurationException($"The default country calling code '{defaultCountryCallingCode}' must be 1 to 3 digits, for example 44.");
        }

        CustomFields = definitions;
        DefaultCountryCallingCode = string.IsNullOrEmpty(code) ? null : code;
        _byKey = definitions.ToDictionary(d => d.Key, StringComparer.Ordinal);
    }

    /// <summary>A policy without custom fields or default calling code.</summary>
    public static CustomerPolicy Default { get; } = new();

    /// <summary>The custom field definitions.</summary>
    public IReadOnlyList<CustomFieldDefinition> CustomFields { get; }

    /// <summary>The calling code put in front of national phone numbers, or <see langword="null"/>.</summary>
    public string? DefaultCountryCallingCode { get; }

    /// <summary>Finds a custom field definition.</summary>
    /// <param name="key">The key.</param>
    /// <returns>The definition, or <see langword="null"/> when the host defines no such field.</returns>
    public CustomFieldDefinition? FindCustomField(string key) => _byKey.GetValueOrDefault(key);
}
