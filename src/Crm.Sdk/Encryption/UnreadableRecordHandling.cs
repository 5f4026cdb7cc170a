namespace Crm.Sdk.Encryption;

/// <summary>What lists and streams do with a record that fails its integrity check (<see cref="FieldEncryptionOptions.UnreadableRecords"/>).</summary>
public enum UnreadableRecordHandling
{
    /// <summary>The list or stream fails with the <see cref="CryptographicIntegrityException"/> naming the record (fail closed).</summary>
    Throw = 0,

    /// <summary>
    /// The record is left out and the rest is returned; each one left out is logged as a warning, counted by the
    /// <c>crm.encryption.unreadable_records</c> metric and passed to <see cref="FieldEncryptionOptions.UnreadableRecordSkipped"/>.
    /// A page may then hold fewer items than asked for; its continuation token still moves past the record.
    /// </summary>
    Skip = 1,
}
