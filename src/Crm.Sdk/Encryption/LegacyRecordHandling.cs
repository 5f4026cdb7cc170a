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
    /// <summary>
    /// Only version-2 seals are read; a record without one is refused. The strictest: for a database created by Crm.Sdk
    /// 1.1 or later, or once every record was re-encrypted.
    /// </summary>
    Refuse = 0,

    /// <summary>
    /// What Crm.Sdk 1.0 wrote is read as well: version-1 seals, and records without a seal that hold no encrypted value
    /// (1.0 sealed a record only when it had one). A record without a seal whose required field is encrypted (a customer's
    /// display name, a ticket's subject), and a plain value of an encrypted field, are still refused. The default: a
    /// database written by 1.0 keeps working, and removing a customer's or ticket's seal or injecting plaintext is
    /// detected; a removed interaction seal reads as an interaction without encrypted values until the host sets
    /// <see cref="Refuse"/>.
    /// </summary>
    ReadVersion1Seals = 1,

    /// <summary>
    /// Records without a seal and plain values of encrypted fields are read too: only while migrating data written before
    /// encryption was switched on (they cannot be told apart from a removed seal or injected plaintext).
    /// </summary>
    ReadUnsealedRecords = 2,
}
