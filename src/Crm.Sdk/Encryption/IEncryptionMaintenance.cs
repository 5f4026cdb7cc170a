using NodaTime;

namespace Crm.Sdk.Encryption;

/// <summary>
/// Key rotation for field encryption, registered by <c>AddFieldEncryption</c>. Each operation runs online (reads and writes
/// continue), works in batches, reports progress, can be cancelled at any time, and is resumable: running it again skips
/// what is already done.
/// </summary>
public interface IEncryptionMaintenance
{
    /// <summary>
    /// Root key rotation, step 2 (after adding the new root key and making it current): re-wraps every customer data key
    /// under the current root key. Values are not re-encrypted. When it completes, the old root key can be retired.
    /// </summary>
    /// <param name="progress">Receives progress after each batch, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops after the batch in flight; what committed stays done.</param>
    /// <returns>How many keys were examined and re-wrapped.</returns>
    Task<MaintenanceResult> RewrapDataKeysAsync(IProgress<MaintenanceProgress>? progress = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Blind-index key rotation (the blind-index key derives from the current root key): recomputes the searchable index
    /// values (emails, phones, name prefixes) of every customer with the current key. Until it completes, lookups match
    /// values of the old or the new key.
    /// </summary>
    /// <param name="progress">Receives progress after each batch, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops after the batch in flight; what committed stays done.</param>
    /// <returns>How many customers were examined and re-indexed.</returns>
    Task<MaintenanceResult> RefreshBlindIndexesAsync(IProgress<MaintenanceProgress>? progress = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Data re-encryption: gives every customer whose data key was created before <paramref name="keysCreatedBefore"/> a new
    /// data key and re-encrypts its customer record, interactions, deals and tickets under it, one customer per transaction.
    /// The replaced key is retired, not deleted: values written concurrently under it stay readable; it is destroyed with the
    /// customer's other keys on erasure. Customers that have no data key at all (written before encryption was switched on)
    /// get their first one the same way. Every record re-encrypted is written in the current format (seal version 2), so
    /// with the current instant this is also the upgrade of a database written by Crm.Sdk 1.0, and, with
    /// <see cref="FieldEncryptionOptions.LegacyRecords"/> set to <see cref="LegacyRecordHandling.ReadUnsealedRecords"/>, the
    /// encryption of data written before encryption was switched on. A customer with a record that fails its integrity
    /// check is left as it was and counted in <see cref="MaintenanceResult.Unreadable"/>. An erased customer has no key to seal
    /// with: its interactions and tickets without a seal (Crm.Sdk 1.0 sealed only records with an encrypted value) are
    /// written again as erased records instead, so that they read when only version-2 seals are.
    /// </summary>
    /// <param name="keysCreatedBefore">Keys created before this instant are replaced; pass the same instant to resume.</param>
    /// <param name="progress">Receives progress after each customer batch, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops after the customer in flight; what committed stays done.</param>
    /// <returns>How many customers were examined and re-encrypted.</returns>
    Task<MaintenanceResult> ReencryptDataAsync(Instant keysCreatedBefore, IProgress<MaintenanceProgress>? progress = null, CancellationToken cancellationToken = default);
}
