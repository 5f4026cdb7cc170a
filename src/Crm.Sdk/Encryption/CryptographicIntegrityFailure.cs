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
    /// The authentication tag did not verify: the ciphertext, the tag or the header was altered, or the value was copied
    /// from another record, field or collection.
    /// </summary>
    AuthenticationFailed = 4,

    /// <summary>A wrapped data key could not be unwrapped: wrong root key, or the wrapped bytes were altered.</summary>
    KeyUnwrapFailed = 5,
}
