using Microsoft.Extensions.DependencyInjection;

namespace Crm.Sdk;

/// <summary>Registers Crm.Sdk in a host's service collection.</summary>
public static class CrmServiceCollectionExtensions
{
    /// <summary>
    /// Registers Crm.Sdk. Chain a storage provider on the returned builder, for example
    /// <c>services.AddCrm().UseSqlite("crm.db")</c>. Calling it again adds no second registration; it applies
    /// <paramref name="configure"/> too.
    /// </summary>
    /// <param name="services">The host's service collection.</param>
    /// <param name="configure">Sets options, or <see langword="null"/>.</param>
    /// <returns>The builder to chain providers and features on.</returns>
    public static CrmBuilder AddCrm(this IServiceCollection services, Action<CrmOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<CrmOptions>();
        if (configure is not null)
        {
            services.Configure(configure);
        }

        return new CrmBuilder(services);
    }
}
