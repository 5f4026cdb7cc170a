namespace Crm.Sdk.Encryption;

/// <summary>What a key-maintenance operation did.</summary>
/// <param name="Operation">The operation, for example <c>rewrap-data-keys</c>.</param>
/// <param name="Examined">Records looked at.</param>
/// <param name="Changed">Records changed.</param>
/// <param name="Conflicts">Records skipped because they changed concurrently and kept changing after retries; run again to finish them.</param>
public sealed record MaintenanceResult(string Operation, long Examined, long Changed, long Conflicts)
{
    /// <summary>
    /// Customers left as they were because one of their records failed its integrity check (tampered, or a legacy record
    /// that <see cref="FieldEncryptionOptions.LegacyRecords"/> does not allow): re-encrypting it would make whatever it now
    /// holds look genuine. Fix or remove those records, or allow the legacy records, and run the operation again.
    /// </summary>
    public long Unreadable { get; init; }

    /// <summary>Whether everything is done (nothing was skipped).</summary>
    public bool IsComplete => Conflicts == 0 && Unreadable == 0;
}
