using Crm.Sdk.Encryption;
using NodaTime;

namespace Crm.Sdk.Security;

/// <summary>
/// <see cref="ICrmDataUpgrades"/> as the host calls it: the action is <see cref="CrmAction.Administer"/> on
/// <see cref="CrmResource.Customers"/> (the data every upgrade rewrites). The upgrades the SDK runs by itself in the
/// background are the system's and are not checked.
/// </summary>
internal sealed class GuardedDataUpgrades(ICrmDataUpgrades inner, AccessPolicy access) : ICrmDataUpgrades
{
    public async Task<IReadOnlyList<DataUpgradeProgress>> RunAsync(IProgress<DataUpgradeProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        await access.ScopeAsync(CrmResource.Customers, CrmAction.Administer, cancellationToken).ConfigureAwait(false);
        return await inner.RunAsync(progress, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<DataUpgradeProgress>> RunAsync(int batchSize, IProgress<DataUpgradeProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        await access.ScopeAsync(CrmResource.Customers, CrmAction.Administer, cancellationToken).ConfigureAwait(false);
        return await inner.RunAsync(batchSize, progress, cancellationToken).ConfigureAwait(false);
    }
}

/// <summary><see cref="IEncryptionMaintenance"/> checked as <see cref="CrmAction.Administer"/> on <see cref="CrmResource.Customers"/> (key maintenance).</summary>
internal sealed class GuardedEncryptionMaintenance(IEncryptionMaintenance inner, AccessPolicy access) : IEncryptionMaintenance
{
    public async Task<MaintenanceResult> RewrapDataKeysAsync(IProgress<MaintenanceProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        await access.ScopeAsync(CrmResource.Customers, CrmAction.Administer, cancellationToken).ConfigureAwait(false);
        return await inner.RewrapDataKeysAsync(progress, cancellationToken).ConfigureAwait(false);
    }

    public async Task<MaintenanceResult> RefreshBlindIndexesAsync(IProgress<MaintenanceProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        await access.ScopeAsync(CrmResource.Customers, CrmAction.Administer, cancellationToken).ConfigureAwait(false);
        return await inner.RefreshBlindIndexesAsync(progress, cancellationToken).ConfigureAwait(false);
    }

    public async Task<MaintenanceResult> ReencryptDataAsync(Instant keysCreatedBefore, IProgress<MaintenanceProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        await access.ScopeAsync(CrmResource.Customers, CrmAction.Administer, cancellationToken).ConfigureAwait(false);
        return await inner.ReencryptDataAsync(keysCreatedBefore, progress, cancellationToken).ConfigureAwait(false);
    }
}
