using Crm.Sdk.Audit;
using Crm.Sdk.Security;
using Crm.Sdk.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Crm.Sdk;

/// <summary>Turns on access control: every call checks the current actor's roles.</summary>
public static class AccessControlCrmBuilderExtensions
{
    /// <summary>
    /// Makes every service call check who is acting (the host's <see cref="ICrmActorAccessor"/>, registered before the CRM is
    /// first resolved) against the roles of <see cref="AccessControlOptions"/>: a denied call throws
    /// <see cref="AccessDeniedException"/> and writes nothing; no actor is denied everything. Without an accessor, or with a
    /// malformed role, resolving the CRM fails with a <see cref="CrmConfigurationException"/>.
    /// </summary>
    /// <param name="builder">The builder from <c>AddCrm</c>.</param>
    /// <param name="configure">Changes the roles and teams, or <see langword="null"/> to keep the built-in roles.</param>
    /// <returns>The builder.</returns>
    public static CrmBuilder AddAccessControl(this CrmBuilder builder, Action<AccessControlOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = builder.Services.AddOptions<AccessControlOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AccessControlOptions>, AccessControlOptionsValidator>());
        builder.Services.TryAddSingleton<ICrmTeamDirectory, OptionsTeamDirectory>();
        builder.Services.Replace(ServiceDescriptor.Singleton(sp =>
        {
            var accessor = sp.GetService<ICrmActorAccessor>()
                ?? throw new CrmConfigurationException("Access control is on but no ICrmActorAccessor is registered: register the host's accessor (services.AddSingleton<ICrmActorAccessor, MyAccessor>()) so the SDK knows who is acting.");
            AccessControlOptions value;
            try
            {
                value = sp.GetRequiredService<IOptions<AccessControlOptions>>().Value;
            }
            catch (OptionsValidationException e)
            {
                throw new CrmConfigurationException("Access control is misconfigured: " + string.Join(" ", e.Failures));
            }

            // With the audit trail added, denied attempts are recorded (the store is resolved only then).
            Func<IAccessAuditSink?>? audit = sp.GetService<AuditTrailOptions>() is null ? null : () => sp.GetRequiredService<CrmStore>().Audit;
            return AccessPolicy.Create(accessor, sp.GetRequiredService<ICrmTeamDirectory>(), value, audit);
        }));
        return builder;
    }
}
