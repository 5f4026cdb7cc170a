using Crm.Sdk.Encryption;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Crm.Sdk;

/// <summary>Turns on field-level encryption of personal data.</summary>
public static class FieldEncryptionCrmBuilderExtensions
{
    /// <summary>
    /// Encrypts personal data before it reaches the storage provider: AES-256-GCM per record under per-customer data keys,
    /// wrapped by a key-encryption key that is never stored in the CRM database; equality search by email and phone, and
    /// prefix search by name, through blind indexes. Data keys are wrapped by the host's own
    /// <see cref="IKeyEncryptionKeyProvider"/> when it registered one (a KMS or HSM: only wrap and unwrap calls, no key
    /// material in the process; then <see cref="FieldEncryptionOptions.BlindIndexKeys"/> is required), else by the root keys
    /// of <see cref="IRootKeyProvider"/> (default: <see cref="FieldEncryptionOptions.RootKeys"/>). A missing, short or
    /// malformed key, an invalid blind-index length, or an unknown field name, is a <see cref="CrmConfigurationException"/>
    /// when the CRM is first resolved.
    /// </summary>
    /// <param name="builder">The builder from <c>AddCrm</c>.</param>
    /// <param name="configure">Sets the root keys or blind-index keys and, optionally, the blind-index lengths and which fields are encrypted.</param>
    /// <returns>The builder.</returns>
    public static CrmBuilder AddFieldEncryption(this CrmBuilder builder, Action<FieldEncryptionOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.Configure(configure);
        builder.Services.TryAddSingleton<IRootKeyProvider>(sp => new OptionsRootKeyProvider(sp.GetRequiredService<IOptions<FieldEncryptionOptions>>()));

        // The root keys become the key-encryption keys unless the host registered its own provider (before or after this call).
        builder.Services.TryAddSingleton<IKeyEncryptionKeyProvider>(sp => new RootKeyEncryptionKeyProvider(sp.GetRequiredService<IRootKeyProvider>()));
        builder.Services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<FieldEncryptionOptions>>().Value;
            FieldEncryptionOptionsValidator.ValidateFields(options);
            var keks = sp.GetRequiredService<IKeyEncryptionKeyProvider>();
            var rootKeys = (keks as RootKeyEncryptionKeyProvider)?.RootKeys;
            var (blindIndexKeys, lengths) = FieldEncryptionOptionsValidator.ToBlindIndexSetup(options, localRootKeys: rootKeys is not null);
            return new FieldEncryptionSetup(new HashSet<string>(options.EncryptedFields, StringComparer.Ordinal), keks, rootKeys, blindIndexKeys, lengths)
            {
                LegacyRecords = options.LegacyRecords,
                UnreadableRecords = options.UnreadableRecords,
                UnreadableRecordSkipped = options.UnreadableRecordSkipped,
            };
        });
        builder.Services.TryAddSingleton<IEncryptionMaintenance>(sp => new Security.GuardedEncryptionMaintenance(
            new EncryptionMaintenance(sp.GetRequiredService<Storage.CrmStore>(), sp.GetRequiredService<CrmContext>(), sp.GetRequiredService<FieldEncryptionSetup>()),
            sp.GetRequiredService<Security.AccessPolicy>()));
        return builder;
    }
}
