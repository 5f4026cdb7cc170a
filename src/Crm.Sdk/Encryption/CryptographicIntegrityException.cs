namespace Crm.Sdk.Encryption;

/// <summary>
/// Thrown when an encrypted field or a wrapped data key fails its integrity check: it was altered, truncated, copied
/// to another record or field, or its key is unknown or wrong. Crm.Sdk never returns plaintext it could not verify.
/// The message names the collection, record, field and key involved, never the plaintext.
/// </summary>
public sealed class CryptographicIntegrityException : CrmException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="failure">Why the value was refused.</param>
    /// <param name="message">What failed and where, without any plaintext or key material.</param>
    /// <param name="innerException">The cryptographic exception that detected the failure, if any.</param>
    public CryptographicIntegrityException(CryptographicIntegrityFailure failure, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Failure = failure;
    }

    /// <summary>Why the value was refused.</summary>
    public CryptographicIntegrityFailure Failure { get; }

    /// <summary>The collection (aggregate type) of the value that failed, when a field failed.</summary>
    public string? Collection { get; init; }

    /// <summary>The id of the record whose value failed, when a field failed.</summary>
    public Guid? RecordId { get; init; }

    /// <summary>The field whose value failed, when a field failed.</summary>
    public string? Field { get; init; }

    /// <summary>The id of the key involved (data key or root key), when known.</summary>
    public string? KeyId { get; init; }
}
