namespace Crm.Sdk.Encryption;

/// <summary>
/// Which records written before the current format are read while field encryption is on
/// (<see cref="FieldEncryptionOptions.LegacyRecords"/>). The current format seals every record of a collection with
/// encrypted fields (seal version 2), binding its customer, owner, links and version; anything else is refused as a
/// <see cref="CryptographicIntegrityException"/> unless this allows it. To bring older data to the current format, allow
/// it, run <see cref="IEncryptionMaintenance.ReencryptDataAsync"/> with the current instant, then set
/// <see cref="Refuse"/>.
/// </summary>
public enum LegacyRecordHandling
{
    /// <summary>Only version-2 seals are read; a record without one is refused (the strictest: after every record was re-encrypted, which also detects a removed seal).</summary>
    Refuse = 0,

    /// <summary>
    /// What Crm.Sdk 1.0 wrote is read as well: version-1 seals, and records without a seal that hold no encrypted value (1.0
    /// sealed only records with one, so a purchase, refund or behaviour event without subject has none). A record without a
    /// seal that holds an encrypted field in plaintext, or a plain value beside a seal, is refused. The default: a database
    /// written by 1.0 keeps working, and injected plaintext is detected; a removed seal is detected only by
    /// <see cref="Refuse"/> (without its seal, the record reads with no encrypted value and unauthenticated claims, as 1.0
    /// read it).
    /// </summary>
    ReadVersion1Seals = 1,

    /// <summary>
    /// Records without a seal and plain values of encrypted fields are read too: only while migrating data written before
    /// encryption was switched on (they cannot be told apart from a removed seal or injected plaintext).
    /// </summary>
    ReadUnsealedRecords = 2,
}
