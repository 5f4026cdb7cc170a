using Crm.Sdk.Customers;

namespace Crm.Sdk;

/// <summary>Options of Crm.Sdk, set in <see cref="CrmServiceCollectionExtensions.AddCrm"/>.</summary>
public sealed class CrmOptions
{
    /// <summary>The name of the storage provider plugged with <c>UseSqlite</c>, <c>UsePostgreSql</c> or <see cref="ProviderKit.CrmBuilderStorageExtensions.UseStorage"/>; set by the provider.</summary>
    public string? StorageProviderName { get; internal set; }

    /// <summary>
    /// The custom fields customers may carry, defined by the host (text, number, date, boolean, choice).
    /// Values are validated against these definitions on every write.
    /// </summary>
    public IList<CustomFieldDefinition> CustomFields { get; } = [];

    /// <summary>
    /// The country calling code (digits only, for example <c>44</c> or <c>1</c>) assumed for phone numbers written without
    /// an international prefix. <see langword="null"/> (the default) requires every number in international form
    /// (<c>+44 20 7946 0018</c> or <c>0044…</c>).
    /// </summary>
    public string? DefaultCountryCallingCode { get; set; }
}
