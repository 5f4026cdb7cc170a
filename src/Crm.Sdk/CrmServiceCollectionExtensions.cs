using Crm.Sdk.Audit;
using Crm.Sdk.Customers;
using Crm.Sdk.Deals;
using Crm.Sdk.Encryption;
using Crm.Sdk.Interactions;
using Crm.Sdk.Pipelines;
using Crm.Sdk.Security;
using Crm.Sdk.Storage;
using Crm.Sdk.Tickets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Crm.Sdk;

/// <summary>Registers Crm.Sdk in a host's service collection.</summary>
public static class CrmServiceCollectionExtensions
{
    /// <summary>
    /// Registers Crm.Sdk: <see cref="ICrm"/> and each of its parts (<see cref="ICustomerService"/>, <see cref="IInteractionService"/>,
    /// <see cref="IPipelineService"/>, <see cref="IDealService"/>, <see cref="ITicketService"/>) and <see cref="ICrmDataUpgrades"/> as singletons, the
    /// <see cref="CustomerPolicy"/> built from the options (what <c>Customer.AddPhone</c> and <c>SetCustomField</c> take), and NodaTime's
    /// <see cref="SystemClock"/> as <see cref="IClock"/> unless the host registered a clock. Chain a storage provider on the
    /// returned builder, for example <c>services.AddCrm().UseSqlite("crm.db")</c>. Calling it again registers nothing twice
    /// and applies <paramref name="configure"/> too. Options are validated when the CRM is first resolved (and at host
    /// start-up under the generic host): a missing provider or an invalid option is a <see cref="CrmConfigurationException"/>.
    /// </summary>
    /// <param name="services">The host's service collection.</param>
    /// <param name="configure">Sets options, or <see langword="null"/>.</param>
    /// <returns>The builder to chain providers and features on.</returns>
    public static CrmBuilder AddCrm(this IServiceCollection services, Action<CrmOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<CrmOptions>().ValidateOnStart();
        if (configure is not null)
        {
            services.Configure(configure);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CrmOptions>, CrmOptionsValidator>());
        services.TryAddSingleton<IClock>(SystemClock.Instance);
        services.TryAddSingleton(AccessPolicy.Unrestricted);
        services.TryAddSingleton(CreateStore);
        services.TryAddSingleton(sp => new CrmContext(sp.GetRequiredService<IClock>(), ValidatedOptions(sp), sp.GetRequiredService<AccessPolicy>(), sp.GetService<IOptions<Duplicates.DuplicateDetectionOptions>>()?.Value));
        services.TryAddSingleton<Duplicates.IDuplicateService, Duplicates.DuplicateService>();
        services.TryAddSingleton<ICustomerService, CustomerService>();
        services.TryAddSingleton<IInteractionService, InteractionService>();
        services.TryAddSingleton<IPipelineService, PipelineService>();
        services.TryAddSingleton<IDealService, DealService>();
        services.TryAddSingleton<ITicketService, TicketService>();
        services.TryAddSingleton<ICrm, Crm>();
        services.TryAddSingleton<ICrmDataUpgrades>(sp => new GuardedDataUpgrades(sp.GetRequiredService<CrmStore>().DataUpgrades, sp.GetRequiredService<AccessPolicy>()));
        return new CrmBuilder(services);
    }

    private static CrmStore CreateStore(IServiceProvider services)
    {
        var options = ValidatedOptions(services);
        var registration = services.GetServices<StorageRegistration>().LastOrDefault()
            ?? throw new CrmConfigurationException($"The storage provider '{options.Value.StorageProviderName}' registered no store.");
        var provider = registration.Factory(services)
            ?? throw new CrmConfigurationException($"The storage provider '{registration.ProviderName}' returned no store.");
        var logger = services.GetService<ILoggerFactory>()?.CreateLogger<CrmStore>() ?? NullLogger<CrmStore>.Instance;
        var context = services.GetRequiredService<CrmContext>();
        return new CrmStore(
            provider,
            CrmContext.Schema,
            services.GetRequiredService<IClock>(),
            logger,
            services.GetService<FieldEncryptionSetup>(),
            context.DataUpgrades,
            options.Value.RunDataUpgradesInBackground,
            services.GetService<AuditTrailOptions>() is { } audit ? new AuditSetup(audit, services.GetRequiredService<AccessPolicy>) : null);
    }

    private static IOptions<CrmOptions> ValidatedOptions(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<CrmOptions>>();
        try
        {
            _ = options.Value;
        }
        catch (OptionsValidationException ex)
        {
            throw new CrmConfigurationException("Crm.Sdk is not configured correctly: " + string.Join(" ", ex.Failures));
        }

        return options;
    }
}
