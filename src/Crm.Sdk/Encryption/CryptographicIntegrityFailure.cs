namespace Crm.Sdk.Encryption;

/// <summary>Why an encrypted value or a wrapped key was refused; see <see cref="CryptographicIntegrityException"/>.</summary>
public enum CryptographicIntegrityFailure
{
    /// <summary>The stored text is not an envelope of a known shape: wrong prefix, bad base64url, or too short (truncated).</summary>
    MalformedEnvelope = 1,

    /// <summary>The envelope declares a format version that this version of Crm.Sdk does not know.</summary>
    UnsupportedVersion = 2,

    /// <summary>The key named by the envelope or by the wrapped data key is not available (erased, or never configured).</summary>
    UnknownKey = 3,

    /// <summary>
    /// The authentication tag did not verify: the ciphertext, the tag or the header was altered, the value was copied
    /// from another record, field or collection, or (version 2) the record's customer, owner, links or version were
    /// changed since it was sealed, or an older seal was put back.
    /// </summary>
    AuthenticationFailed = 4,

    /// <summary>A wrapped data key could not be unwrapped: wrong root key, or the wrapped bytes were altered.</summary>
    KeyUnwrapFailed = 5,

    /// <summary>
    /// A record of a collection with encrypted fields has no seal (or only a version-1 seal where those are refused):
    /// the seal was removed, or the record predates encryption and legacy records are not read
    /// (<see cref="FieldEncryptionOptions.LegacyRecords"/>).
    /// </summary>
    MissingSeal = 6,

    /// <summary>A record holds the value of an encrypted field in plaintext, outside its seal: it was injected, or predates encryption.</summary>
    PlaintextValue = 7,

    /// <summary>
    /// A record was found through an index value (its customer, owner, assignee or link) that its authenticated content
    /// does not hold: the row's index was changed in the database.
    /// </summary>
    IndexMismatch = 8,
}
