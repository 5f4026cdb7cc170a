using Crm.Sdk.Audit;
using Crm.Sdk.Security;
using Crm.Sdk.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Crm.Sdk;

/// <summary>Turns on the tamper-evident audit trail.</summary>
public static class AuditTrailCrmBuilderExtensions
{
    /// <summary>
    /// Records every change (create, update with the names of what changed, delete, erase) in a hash-chained audit trail,
    /// in the same transaction as the change, as the current actor (<c>system</c> when access control is off). With access
    /// control on (<see cref="AccessControlCrmBuilderExtensions.AddAccessControl"/>), reads of personal data, exports and
    /// denied attempts are recorded too. Registers <see cref="IAuditTrail"/> to query, export, verify and prune it. Without
    /// this call nothing is audited and nothing is paid.
    /// </summary>
    /// <param name="builder">The builder from <c>AddCrm</c>.</param>
    /// <param name="configure">Sets the chain-head callback, or <see langword="null"/>.</param>
    /// <returns>The builder.</returns>
    public static CrmBuilder AddAuditTrail(this CrmBuilder builder, Action<AuditTrailOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = new AuditTrailOptions();
        configure?.Invoke(options);
        if (options.ReadEntryDelay < TimeSpan.Zero || options.ReadEntryDelay > TimeSpan.FromMinutes(1))
        {
            throw new CrmConfigurationException($"AuditTrailOptions.ReadEntryDelay is {options.ReadEntryDelay}: it must be between zero (each read's entry written before the read returns) and one minute.");
        }

        if (options.ChainHeadInterval < 1)
        {
            throw new CrmConfigurationException($"AuditTrailOptions.ChainHeadInterval is {options.ChainHeadInterval}: it must be at least 1.");
        }

        builder.Services.TryAddSingleton(options);
        builder.Services.TryAddSingleton<IAuditTrail>(sp => new AuditTrail(sp.GetRequiredService<CrmStore>(), sp.GetRequiredService<AccessPolicy>()));
        return builder;
    }
}
