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
}
