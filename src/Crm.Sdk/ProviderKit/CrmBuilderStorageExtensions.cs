using Microsoft.Extensions.DependencyInjection;

namespace Crm.Sdk.ProviderKit;

/// <summary>How a storage provider plugs itself into <c>AddCrm()</c>: the one registration call of the provider kit.</summary>
public static class CrmBuilderStorageExtensions
{
    /// <summary>
    /// Plugs a storage provider. Providers call this from their own <c>UseXxx</c> extension (as <c>UseSqlite</c> does);
    /// a second call replaces the first, so the host's last choice wins. Hosts never call it directly.
    /// </summary>
    /// <param name="builder">The builder returned by <c>AddCrm</c>.</param>
    /// <param name="providerName">A short name for messages and diagnostics, for example <c>SQLite</c>.</param>
    /// <param name="factory">Creates the store (a singleton) from the service provider.</param>
    /// <returns>The builder.</returns>
    public static CrmBuilder UseStorage(this CrmBuilder builder, string providerName, Func<IServiceProvider, IDocumentStore> factory)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(providerName);
        ArgumentNullException.ThrowIfNull(factory);
        builder.Services.Configure<CrmOptions>(o => o.StorageProviderName = providerName);
        builder.Services.AddSingleton(new StorageRegistration(providerName, factory));
        return builder;
    }
}
