namespace Crm.Sdk.Samples.GenericHost;

/// <summary>The two stores of a migration.</summary>
/// <param name="Source">The store copied from.</param>
/// <param name="Target">The empty store copied into.</param>
internal sealed record MigrationSettings(CrmStoreSettings Source, CrmStoreSettings Target);
