namespace Crm.Sdk;

/// <summary>
/// The data upgrades a new version of Crm.Sdk brings for values already stored: the re-normalization of phone numbers
/// when libphonenumber replaced the hand-written normalizer (<c>phones-libphonenumber</c>), and the recomputation of
/// text keys (customer name keys, tags, email keys, pipeline name keys) when they moved to Unicode NFKC_Casefold computed
/// the same way on every host (<c>customers-text-keys-nfkc-casefold</c>, <c>pipelines-text-keys-nfkc-casefold</c>),
/// and the re-indexing of encrypted-name search tokens when they came to be counted in text elements
/// (<c>customers-name-tokens-text-elements</c>). Registered by <c>AddCrm</c>.
/// </summary>
/// <remarks>
/// <para>
/// Each upgrade runs once per database, online and resumably: it reads the records in batches by id and commits each
/// batch's rewritten records together with a checkpoint, so reads and writes by the application go on meanwhile, a
/// concurrent change to a record is never overwritten (the upgrade re-reads it and tries again), and a run that stops
/// (cancelled, crashed, process ended) continues from its checkpoint the next time. Until an upgrade completes, the
/// phone lookups also match numbers in their old form; a name search, tag filter or email lookup finds a record whose
/// key changed (only text with non-ASCII characters can change) once the upgrade has rewritten it.
/// </para>
/// <para>
/// By default the upgrades start in the background as soon as the store is ready (on the first call that touches the
/// database), so that a large database does not delay the application's start; set
/// <see cref="CrmOptions.RunDataUpgradesInBackground"/> to <see langword="false"/> to run them only through
/// <see cref="RunAsync(IProgress{DataUpgradeProgress}?, CancellationToken)"/>, for example from a maintenance job.
/// </para>
/// </remarks>
public interface ICrmDataUpgrades
{
    /// <summary>
    /// Runs the pending data upgrades to the end in the caller's flow, reporting progress; takes over from the background
    /// run if one is in progress (it stops at its next batch and this call continues from its checkpoint). Returns at once
    /// when every upgrade is already complete.
    /// </summary>
    /// <param name="progress">Told after every committed batch, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops after the batch in flight; what committed stays done and a later run continues from there.</param>
    /// <returns>The state of each upgrade when the call ends.</returns>
    /// <exception cref="ConcurrencyConflictException">A record kept changing under the upgrade; run it again.</exception>
    /// <exception cref="CrmStorageException">The storage provider failed.</exception>
    Task<IReadOnlyList<DataUpgradeProgress>> RunAsync(IProgress<DataUpgradeProgress>? progress = null, CancellationToken cancellationToken = default);

    /// <summary>Like <see cref="RunAsync(IProgress{DataUpgradeProgress}?, CancellationToken)"/>, with a batch size of your choosing.</summary>
    /// <param name="batchSize">The records committed per transaction (1 to 10,000).</param>
    /// <param name="progress">Told after every committed batch, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops after the batch in flight.</param>
    /// <returns>The state of each upgrade when the call ends.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="batchSize"/> is out of range.</exception>
    /// <exception cref="ConcurrencyConflictException">A record kept changing under the upgrade; run it again.</exception>
    /// <exception cref="CrmStorageException">The storage provider failed.</exception>
    Task<IReadOnlyList<DataUpgradeProgress>> RunAsync(int batchSize, IProgress<DataUpgradeProgress>? progress = null, CancellationToken cancellationToken = default);
}
