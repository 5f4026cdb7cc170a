using Crm.Sdk.Encryption;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Crm.Sdk;

/// <summary>Turns on field-level encryption of personal data.</summary>
public static class FieldEncryptionCrmBuilderExtensions
{
    /// <summary>
    /// Encrypts personal data before it reaches the storage provider: AES-256-GCM per value under per-customer data keys,
    /// wrapped by a root key that is never stored in the CRM database; equality search by email and phone, and prefix
    /// search by name, through blind indexes. Root keys come from <see cref="FieldEncryptionOptions.RootKeys"/> unless the
    /// host registered its own <see cref="IRootKeyProvider"/> (a KMS or HSM, for example). A missing, short or malformed
    /// key, or an unknown field name, is a <see cref="CrmConfigurationException"/> when the CRM is first resolved.
    /// </summary>
    /// <param name="builder">The builder from <c>AddCrm</c>.</param>
    /// <param name="configure">Sets the root keys and, optionally, which fields are encrypted.</param>
    /// <returns>The builder.</returns>
    public static CrmBuilder AddFieldEncryption(this CrmBuilder builder, Action<FieldEncryptionOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.Configure(configure);
        builder.Services.TryAddSingleton<IRootKeyProvider>(sp => new OptionsRootKeyProvider(sp.GetRequiredService<IOptions<FieldEncryptionOptions>>()));
        builder.Services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<FieldEncryptionOptions>>().Value;
            FieldEncryptionOptionsValidator.ValidateFields(options);
            return new FieldEncryptionSetup(new HashSet<string>(options.EncryptedFields, StringComparer.Ordinal), sp.GetRequiredService<IRootKeyProvider>())
            {
                LegacyRecords = options.LegacyRecords,
                UnreadableRecords = options.UnreadableRecords,
                UnreadableRecordSkipped = options.UnreadableRecordSkipped,
            };
        });
        builder.Services.TryAddSingleton<IEncryptionMaintenance>(sp => new EncryptionMaintenance(
            sp.GetRequiredService<Storage.CrmStore>(), sp.GetRequiredService<CrmContext>(), sp.GetRequiredService<IRootKeyProvider>()));
        return builder;
    }
}
