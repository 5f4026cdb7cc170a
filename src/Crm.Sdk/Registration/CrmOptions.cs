namespace Crm.Sdk;

/// <summary>Options of Crm.Sdk, set in <see cref="CrmServiceCollectionExtensions.AddCrm"/>.</summary>
public sealed class CrmOptions
{
    /// <summary>The name of the storage provider plugged with <c>UseSqlite</c>, <c>UsePostgreSql</c> or <see cref="CrmBuilder.UseStorage"/>; set by the provider.</summary>
    public string? StorageProviderName { get; set; }
}
