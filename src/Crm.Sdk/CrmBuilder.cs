using Crm.Sdk.ProviderKit;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Sdk;

/// <summary>
/// Returned by <see cref="CrmServiceCollectionExtensions.AddCrm"/>: chain a storage provider
/// (<c>.UseSqlite(...)</c>, <c>.UsePostgreSql(...)</c>) and optional features on it.
/// </summary>
public sealed class CrmBuilder
{
    internal CrmBuilder(IServiceCollection services)
    {
        Services = services;
    }

    /// <summary>The service collection Crm.Sdk is registered in.</summary>
    public IServiceCollection Services { get; }

    /// <summary>
    /// Plugs a storage provider. Providers call this from their own <c>UseXxx</c> extension; a second call replaces
    /// the first, so the host's last choice wins.
    /// </summary>
    /// <param name="providerName">A short name for messages and diagnostics, for example <c>SQLite</c>.</param>
    /// <param name="factory">Creates the store (a singleton) from the service provider.</param>
    /// <returns>This builder.</returns>
    public CrmBuilder UseStorage(string providerName, Func<IServiceProvider, IDocumentStore> factory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(providerName);
        ArgumentNullException.ThrowIfNull(factory);
        Services.Configure<CrmOptions>(o => o.StorageProviderName = providerName);
        Services.AddSingleton(new StorageRegistration(providerName, factory));
        return this;
    }
}
