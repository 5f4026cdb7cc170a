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
    /// The region whose numbering plan reads phone numbers written without an international prefix: an ISO 3166-1 alpha-2
    /// code such as <c>GB</c> or <c>CN</c> (preferred: it names the plan exactly), or a country calling code such as
    /// <c>44</c> or <c>86</c>, read as that code's main region (<c>1</c> is <c>US</c>, <c>7</c> is <c>RU</c>).
    /// <see langword="null"/> (the default) requires every number in international form (<c>+44 20 7946 0018</c> or <c>0044…</c>).
    /// Anything else is refused when the CRM is first resolved, with a <see cref="CrmConfigurationException"/>.
    /// </summary>
    public string? DefaultPhoneRegion { get; set; }

    /// <summary>
    /// Whether the data upgrades a new version brings for stored values (see <see cref="ICrmDataUpgrades"/>) start in the
    /// background as soon as the store is ready. <see langword="true"/> by default; with <see langword="false"/> they run
    /// only when the host calls <see cref="ICrmDataUpgrades.RunAsync(IProgress{DataUpgradeProgress}?, CancellationToken)"/>
    /// (for example on one designated node, or off-hours). Either way, lookups stay correct while an upgrade is pending.
    /// </summary>
    public bool RunDataUpgradesInBackground { get; set; } = true;
}
